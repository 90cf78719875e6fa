using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// A new SQLite database gets its schema from one script: the migrations' own SQL, history rows included, run in one
/// transaction. Running the migrations one by one builds each migration's model first: about a third of a second of
/// a first start. The script is kept beside the migrations; a test fails when it no longer matches them.
/// </summary>
internal static class FreshSqliteSchema
{
    public const string ResourceName = "WorkingGroups.Infrastructure.Persistence.Migrations.FreshSqliteSchema.sql";

    /// <summary>The migrations' SQL from an empty database to the latest, as the script must hold it.</summary>
    public static string Generate(AppDbContext db) =>
        db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions).ReplaceLineEndings("\n");

    public static string Stored()
    {
        using var stream = typeof(FreshSqliteSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>
    /// True when the database file holds nothing yet (no table, not even the migrations' history). A plain command: a
    /// query through EF Core would build the model and compile the query first.
    /// </summary>
    public static async Task<bool> IsEmptyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 0;
    }

    /// <summary>All of the schema or none of it: a start-up killed half-way leaves an empty file, created again next time.</summary>
    public static async Task CreateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Stored();
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
