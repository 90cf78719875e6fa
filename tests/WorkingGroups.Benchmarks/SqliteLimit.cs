using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// Scenario 1, the limit: how many durable commits per second this disk allows with the app's own settings
/// (WAL, synchronous=FULL as SqlitePragmas sets them), one small row per transaction. Nothing that commits can beat it.
/// Also with 8 writers on their own connections, as the app's requests and engine write at once: once as the app
/// opens connections, once with SQLite's own busy handler (PRAGMA busy_timeout), because Microsoft.Data.Sqlite
/// answers a busy database by sleeping about 150 ms before it retries.
/// </summary>
public static class SqliteLimit
{
    private const string AppPragmas = "PRAGMA synchronous=FULL;";

    public static async Task RunAsync(Settings settings, Results results)
    {
        var file = Path.Combine(settings.NewFolder("limit"), "limit.db");
        await using (var setup = await OpenAsync(file, "PRAGMA journal_mode=WAL; CREATE TABLE Commits (Id INTEGER PRIMARY KEY, At TEXT NOT NULL);")) { }

        var single = await Measure.RepeatAsync(1, settings.Repetitions, _ => Writers(file, 1, AppPragmas, settings.LimitWindow));
        results.Add("1 limit", "durable commits per second (1 writer)", Measure.Median(single.Select(r => r.PerSecond)), "/s", "WAL, synchronous=FULL");

        var eight = await Measure.RepeatAsync(1, settings.Repetitions, _ => Writers(file, 8, AppPragmas, settings.LimitWindow));
        results.Add("1 limit", "durable commits per second (8 writers)", Measure.Median(eight.Select(r => r.PerSecond)), "/s", "as the app opens connections");
        results.Add("1 limit", "p99 commit latency (8 writers)", Measure.Median(eight.Select(r => Measure.Percentile(r.LatenciesMs, 99))), "ms");

        var waiting = await Measure.RepeatAsync(1, settings.Repetitions, _ => Writers(file, 8, AppPragmas + " PRAGMA busy_timeout=5000;", settings.LimitWindow));
        results.Add("1 limit", "durable commits per second (8 writers, busy_timeout)", Measure.Median(waiting.Select(r => r.PerSecond)), "/s", "SQLite's busy handler");
        results.Add("1 limit", "p99 commit latency (8 writers, busy_timeout)", Measure.Median(waiting.Select(r => Measure.Percentile(r.LatenciesMs, 99))), "ms");
    }

    /// <summary>Writers on their own connections committing one row per transaction until the window closes.</summary>
    private static async Task<WalkRun> Writers(string file, int writers, string pragmas, TimeSpan window)
    {
        var latencies = new List<double>();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            await using var connection = await OpenAsync(file, pragmas);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO Commits (At) VALUES ($at)";
            var at = insert.Parameters.Add("$at", SqliteType.Text);
            var mine = new List<double>();
            while (Stopwatch.GetElapsedTime(start) < window)
            {
                var began = Stopwatch.GetTimestamp();
                await using var transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                at.Value = DateTime.UtcNow.ToString("O");
                await insert.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                mine.Add(Measure.Milliseconds(began));
            }
            lock (latencies) latencies.AddRange(mine);
        })));
        return new WalkRun(latencies.Count, Stopwatch.GetElapsedTime(start).TotalSeconds, latencies);
    }

    private static async Task<SqliteConnection> OpenAsync(string file, string pragmas)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
