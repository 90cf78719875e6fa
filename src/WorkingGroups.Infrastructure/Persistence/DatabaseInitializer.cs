using WorkingGroups.Infrastructure.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Definitions;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>Creates or migrates the database (a new SQLite file from <see cref="FreshSqliteSchema"/>), switches SQLite to WAL, and records the definition versions it has seen.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> contexts, DatabaseOptions database, DefinitionVersions versions, IClock clock, ILogger<DatabaseInitializer> logger)
{
    /// <summary>The migration that took the processes from the old engine library's instances to their own records.</summary>
    public const string OwnEngineMigration = "20261207180000_OwnEngine";

    /// <returns>True when this start upgraded a database written while an engine library ran the processes.</returns>
    public async Task<bool> InitializeAsync(DefinitionCatalog catalog, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var applied = database.IsPostgres ? await MigrateAsync(db, cancellationToken) : await CreateOrMigrateSqliteAsync(db, cancellationToken);
        LoadPublished(await PublishAsync(db, catalog, cancellationToken), catalog);
        return applied.Contains(OwnEngineMigration);
    }

    /// <summary>WAL first, so that creating or migrating the schema commits once to the log instead of to the file.</summary>
    private async Task<IReadOnlyList<string>> CreateOrMigrateSqliteAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }
            if (await FreshSqliteSchema.IsEmptyAsync(connection, cancellationToken))
            {
                await FreshSqliteSchema.CreateAsync(connection, cancellationToken);
                return [];
            }
        }
        return await MigrateAsync(db, cancellationToken);
    }

    /// <summary>Only when a migration is pending: the migrator compares the whole model with the last migration's on every call.</summary>
    private static async Task<IReadOnlyList<string>> MigrateAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    /// <summary>
    /// Every published version, from the database copy (its file may be gone). A version whose file is loaded with the
    /// same content is taken as the catalog parsed it: parsing it again, and a second query, cost the start-up time.
    /// </summary>
    private void LoadPublished(IEnumerable<DefinitionVersionRecord> records, DefinitionCatalog catalog)
    {
        var errors = new List<DefinitionError>();
        var published = new List<ProcessDefinition>();
        foreach (var record in records)
        {
            if (catalog.Find(record.DefinitionId, record.Version) is { } loaded && loaded.ContentHash == record.ContentHash)
            {
                published.Add(loaded);
                continue;
            }
            var file = $"(published) {record.DefinitionId} v{record.Version}";
            if (DefinitionParser.Parse(file, record.Json, errors) is { } definition) published.Add(definition);
        }
        if (errors.Count > 0) throw new InvalidDefinitionsException("the database", errors);
        versions.Set(published);
    }

    /// <summary>A version seen before must be unchanged: processes started on it rely on its steps. Returns every published version.</summary>
    private async Task<IReadOnlyCollection<DefinitionVersionRecord>> PublishAsync(AppDbContext db, DefinitionCatalog catalog, CancellationToken cancellationToken)
    {
        var known = await db.DefinitionVersions.ToDictionaryAsync(v => (v.DefinitionId, v.Version), cancellationToken);
        var errors = new List<DefinitionError>();
        foreach (var definition in catalog.All)
        {
            if (known.TryGetValue((definition.Id, definition.Version), out var stored))
            {
                if (stored.ContentHash != definition.ContentHash)
                {
                    errors.Add(new DefinitionError(definition.File, 1, "$.version",
                        $"\"{definition.Id}\" version {definition.Version} was published on {stored.PublishedAt:yyyy-MM-dd} with different content; a published version never changes: give the new content a new version number."));
                }
                // Same content, new translations: the stored copy gets them, for when the file is gone.
                else if (stored.Json != definition.Json) stored.Json = definition.Json;
                continue;
            }
            known[(definition.Id, definition.Version)] = db.DefinitionVersions.Add(new DefinitionVersionRecord
            {
                DefinitionId = definition.Id,
                Version = definition.Version,
                Country = definition.Country,
                ContentHash = definition.ContentHash,
                Json = definition.Json,
                PublishedAt = clock.UtcNow,
            }).Entity;
            logger.LogInformation("Published definition {DefinitionId} version {Version}", definition.Id, definition.Version);
        }
        if (errors.Count > 0) throw new InvalidDefinitionsException("the database", errors);
        await db.SaveChangesAsync(cancellationToken);
        return known.Values;
    }
}
