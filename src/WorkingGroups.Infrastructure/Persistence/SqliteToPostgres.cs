using System.Collections;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using WorkingGroups.Core.Reminders;

namespace WorkingGroups.Infrastructure.Persistence;

public sealed class MigrationRefusedException(string message) : Exception(message);

/// <summary>
/// Moves the whole state of a SQLite database (users, processes, engine, reminders, groups) into an empty PostgreSQL
/// database in one transaction: either all of it arrives or nothing does. The source is only read. Hangfire's jobs
/// are not moved: the sweep rebuilds them from the reminders, so what was on its way is put back to due.
/// </summary>
public static class SqliteToPostgres
{
    /// <summary>Copies everything; returns the number of rows per table, in the order they were read.</summary>
    public static async Task<IReadOnlyList<(string Table, int Rows)>> CopyAsync(
        string sqliteFile, string postgresConnectionString, string? keysFolder, CancellationToken cancellationToken)
    {
        if (!File.Exists(sqliteFile)) throw new MigrationRefusedException($"There is no SQLite database at {sqliteFile} (set --Data:Folder=...).");
        await using var source = Context(new DatabaseOptions(DatabaseProvider.Sqlite, DatabaseOptions.SqliteFile(sqliteFile)));
        var pending = (await source.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
            throw new MigrationRefusedException($"{sqliteFile} is behind this version ({pending.Count} migration(s) not applied): start the app on it once, then migrate.");

        await using var target = Context(new DatabaseOptions(DatabaseProvider.Postgres, postgresConnectionString));
        await target.Database.MigrateAsync(cancellationToken);
        await RefuseUnlessEmptyAsync(target, cancellationToken);

        var counts = new List<(string, int)>();
        foreach (var type in RootTypes(source.Model))
        {
            var before = source.ChangeTracker.Entries().Count();
            foreach (var _ in (IEnumerable)Query(source, type.ClrType)) { } // loads into the tracker, which fixes up relations
            counts.Add((type.GetTableName() ?? type.Name, source.ChangeTracker.Entries().Count() - before));
        }

        target.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var entry in source.ChangeTracker.Entries().Where(e => !e.Metadata.IsOwned()).ToList()) target.Add(entry.Entity);
        foreach (var entry in source.ChangeTracker.Entries().ToList())
        {
            // Shadow properties (foreign keys the classes do not carry) are known to the source's tracker only.
            var copy = target.Entry(entry.Entity);
            foreach (var property in entry.Metadata.GetProperties().Where(p => p.IsShadowProperty()))
                copy.Property(property.Name).CurrentValue = entry.Property(property.Name).CurrentValue;
            PutBackToDue(copy.Entity);
        }
        if (keysFolder is not null) counts.Add(("DataProtectionKeys (files)", AddKeys(target, keysFolder)));

        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        await target.SaveChangesAsync(cancellationToken);
        await RestartSequencesAsync(target, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    private static AppDbContext Context(DatabaseOptions database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        database.Apply(options);
        return new AppDbContext(options.Options);
    }

    /// <summary>Every entity type with a table of its own; owned types come with their owners, derived ones with their base.</summary>
    private static IEnumerable<IEntityType> RootTypes(IModel model) =>
        model.GetEntityTypes().Where(t => !t.IsOwned() && t.BaseType is null && t.GetTableName() is not null)
            .Select(t => t.HasSharedClrType ? throw new InvalidOperationException($"{t.Name} has a shared CLR type; copy it explicitly.") : t);

    private static object Query(DbContext context, Type clrType) =>
        typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(clrType).Invoke(context, null)!;

    private static async Task RefuseUnlessEmptyAsync(AppDbContext target, CancellationToken cancellationToken)
    {
        if (await target.Users.AnyAsync(cancellationToken) || await target.Processes.AnyAsync(cancellationToken)
            || await target.DefinitionVersions.AnyAsync(cancellationToken) || await target.Groups.AnyAsync(cancellationToken))
            throw new MigrationRefusedException("The PostgreSQL database already holds data (users, processes, definitions or groups); migrate only into an empty database. Nothing was changed.");
    }

    /// <summary>An e-mail (reminder, group notice, digest) that a job had claimed goes back to due: its job stayed behind in the old store.</summary>
    private static void PutBackToDue(object entity)
    {
        if (entity is not IOutgoingMail { Status: MailStatus.Scheduled or MailStatus.Sending } mail) return;
        mail.Status = MailStatus.Due;
        mail.ClaimedAt = null;
    }

    /// <summary>SQLite keeps the signing keys as files in the data folder; PostgreSQL keeps them in a table.</summary>
    private static int AddKeys(AppDbContext target, string keysFolder)
    {
        if (!Directory.Exists(keysFolder)) return 0;
        var files = Directory.GetFiles(keysFolder, "*.xml");
        foreach (var file in files)
            target.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(file), Xml = File.ReadAllText(file) });
        return files.Length;
    }

    /// <summary>Rows came with their ids: each identity column continues after the highest one copied.</summary>
    private static async Task RestartSequencesAsync(AppDbContext target, CancellationToken cancellationToken)
    {
        foreach (var type in RootTypes(target.Model))
        {
            var table = type.GetTableName()!;
            foreach (var key in type.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType is { } t && (t == typeof(int) || t == typeof(long))))
            {
                var column = key.GetColumnName(StoreObjectIdentifier.Table(table, type.GetSchema()));
#pragma warning disable EF1002 // table and column names come from our own model, not from input
                await target.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)",
                    cancellationToken);
#pragma warning restore EF1002
            }
        }
    }
}
