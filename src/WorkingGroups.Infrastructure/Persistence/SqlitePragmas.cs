using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings. synchronous=FULL: an acknowledged action survives even a power cut, which a
/// government record needs more than the last bit of write speed (see docs/decisions/0002-sqlite-durability.md).
/// busy_timeout: when two writers meet, SQLite's own busy handler retries within milliseconds; without it
/// Microsoft.Data.Sqlite answers a busy database by sleeping about 150 ms per retry (docs/performance-log.md, first pass).
/// cache_size=-512 (KiB, instead of 2 MiB per connection): in WAL mode a connection drops its page cache whenever
/// another one has committed since it last read, which here is nearly always, so the pool's caches were mostly memory
/// held for nothing (peak working set after the end-to-end benchmark 248 -> 241 MB).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA cache_size=-512;";

    /// <summary>
    /// The native connections already set up. A pooled connection keeps its settings between opens, and EF Core opens
    /// one for nearly every query and save, so setting them again was one more statement per database call.
    /// </summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Applied = new();
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNew(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsNew(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Applied.TryAdd(handle, Done);
}
