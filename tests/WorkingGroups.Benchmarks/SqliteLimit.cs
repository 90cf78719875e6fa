using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// Scenario 1, the limit: how many durable commits per second this disk allows with the app's own settings
/// (WAL, synchronous=FULL as SqlitePragmas sets them), one small row per transaction. Nothing that commits can beat it.
/// </summary>
public static class SqliteLimit
{
    public static async Task RunAsync(Settings settings, Results results)
    {
        var folder = settings.NewFolder("limit");
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "limit.db")};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE Commits (Id INTEGER PRIMARY KEY, At TEXT NOT NULL);");
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Commits (At) VALUES ($at)";
        var at = insert.Parameters.Add("$at", SqliteType.Text);

        var rates = await Measure.RepeatAsync(1, settings.Repetitions, async _ =>
        {
            var commits = 0;
            var start = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(start) < settings.LimitWindow)
            {
                await using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                at.Value = DateTime.UtcNow.ToString("O");
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                commits++;
            }
            return commits / Stopwatch.GetElapsedTime(start).TotalSeconds;
        });
        results.Add("1 limit", "durable commits per second (1 writer)", Measure.Median(rates), "/s", "WAL, synchronous=FULL");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
