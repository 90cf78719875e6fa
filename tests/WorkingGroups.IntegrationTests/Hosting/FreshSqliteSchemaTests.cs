using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.IntegrationTests.Hosting;

/// <summary>
/// A new SQLite file gets its schema from the stored script; an existing one is migrated. Both must end the same.
/// </summary>
public sealed class FreshSqliteSchemaTests : IDisposable
{
    private const string Rewrite = "WG_WRITE_FRESH_SCHEMA";

    private readonly string _folder = Directory.CreateTempSubdirectory("wg-schema-").FullName;

    [Fact]
    public void The_stored_script_is_the_migrations_sql_from_an_empty_database()
    {
        using var db = Context("not-opened");
        var expected = FreshSqliteSchema.Generate(db);
        if (Environment.GetEnvironmentVariable(Rewrite) == "1")
        {
            File.WriteAllText(Path.Combine(AppProcess.RepositoryRoot(), "src", "WorkingGroups.Infrastructure", "Persistence", "Migrations", "FreshSqliteSchema.sql"), expected);
            return; // the build in use still embeds the old script; the next one embeds this
        }
        Assert.True(expected == FreshSqliteSchema.Stored(),
            $"Persistence/Migrations/FreshSqliteSchema.sql is not the migrations' SQL: after adding a migration, run this test once with {Rewrite}=1 and commit the file.");
    }

    [Fact]
    public async Task A_file_created_from_the_script_has_the_schema_and_history_of_one_migrated_step_by_step()
    {
        await using var created = Context("created");
        await using (var connection = new SqliteConnection(created.Database.GetConnectionString()))
        {
            await connection.OpenAsync();
            Assert.True(await FreshSqliteSchema.IsEmptyAsync(connection, CancellationToken.None));
            await FreshSqliteSchema.CreateAsync(connection, CancellationToken.None);
            Assert.False(await FreshSqliteSchema.IsEmptyAsync(connection, CancellationToken.None));
        }
        await using var migrated = Context("migrated");
        await migrated.Database.MigrateAsync();

        Assert.Equal(Schema(migrated), Schema(created));
        Assert.Equal(await migrated.Database.GetAppliedMigrationsAsync(), await created.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await created.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_database_left_by_an_earlier_version_is_migrated_at_start_up_and_keeps_its_data()
    {
        var file = Path.Combine(_folder, "workinggroups.db");
        var migrations = Context("not-opened").Database.GetMigrations().ToList();
        await using (var earlier = Context("workinggroups"))
        {
            await earlier.GetService<IMigrator>().MigrateAsync(migrations[^2]); // the version before the latest
            await earlier.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"DigestSubscriptions\" (\"Email\", \"Country\", \"SubscribedAt\") VALUES ('coordinator.kz@wg.example.org', 'KZ', '2026-01-05 10:00:00')");
        }
        SqliteConnection.ClearAllPools();

        using var app = AppFactory.On(_folder, keepData: true);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health")).StatusCode);

        await using var after = Context("workinggroups");
        Assert.Equal(migrations, await after.Database.GetAppliedMigrationsAsync());
        Assert.Equal("KZ", (await after.DigestSubscriptions.SingleAsync()).Country); // a coordinator's weekly digest, still on
    }

    private AppDbContext Context(string name) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, name + ".db")};Pooling=False").Options);

    /// <summary>Every table and index as SQLite stores its definition, without the migrator's own lock table.</summary>
    private static List<string> Schema(AppDbContext db) =>
        db.Database.SqlQueryRaw<string>(
                "SELECT type || ' ' || name || ': ' || coalesce(sql, '') AS \"Value\" FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsLock' ORDER BY type, name")
            .ToList();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a log file may still be closing */ }
    }
}
