using System.Data;
using Microsoft.Data.Sqlite;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.IntegrationTests.Persistence;

/// <summary>
/// Connections opened at the same moment on the app's connection string each get a SQLite connection of their own.
/// Microsoft.Data.Sqlite up to 10.0.12 could lend one pooled native connection to two open owners when the pool had
/// run dry (dotnet/efcore#39008): one save's statements then ran inside another's transaction, and a request failed
/// with "unable to delete/modify collation sequence due to active statements" (seen in the benchmark; decision 0020).
/// </summary>
public sealed class SqliteConnectionPoolTests : IDisposable
{
    private const int Owners = 16;
    // About 10 seconds here; with the old driver a shared connection showed in 1 to 100 rounds of every 3,000.
    private const int Rounds = 3_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("wg-pool-").FullName;

    private string ConnectionString => DatabaseOptions.SqliteFile(Path.Combine(_folder, "app.db"));

    [Fact]
    public void Connections_opened_at_once_never_share_one_sqlite_connection()
    {
        var connectionString = ConnectionString;
        using (var first = new SqliteConnection(connectionString)) first.Open();

        var shared = 0;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        for (var round = 0; round < Rounds; round++)
        {
            // An empty pool, so that every owner of the round asks for a connection at once.
            using (var any = new SqliteConnection(connectionString)) SqliteConnection.ClearPool(any);
            var owners = Enumerable.Range(0, Owners).Select(_ => new SqliteConnection(connectionString)).ToArray();
            using var start = new Barrier(Owners);
            var threads = owners.Select(owner => new Thread(() =>
            {
                start.SignalAndWait();
                // A thread's exception would end the test run: keep it for the assertion.
                try { owner.Open(); } catch (SqliteException ex) { failures.Add(ex.Message); }
            })).ToArray();
            foreach (var thread in threads) thread.Start();
            foreach (var thread in threads) thread.Join();

            // Every owner still open: a native handle held twice is one connection lent to two.
            var handles = owners.Where(o => o.State == ConnectionState.Open).Select(o => o.Handle!.DangerousGetHandle()).ToList();
            if (handles.Distinct().Count() != Owners) shared++;
            foreach (var owner in owners) owner.Dispose();
        }

        Assert.Empty(failures);
        Assert.True(shared == 0, $"in {shared} of {Rounds} rounds two open connections shared one SQLite connection");
    }

    public void Dispose()
    {
        using (var any = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(any);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
