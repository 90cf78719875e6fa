using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings. synchronous=FULL: an acknowledged action survives even a power cut, which a
/// government record needs more than the last bit of write speed (see docs/decisions/0002-sqlite-durability.md).
/// busy_timeout: when two writers meet, SQLite's own busy handler retries within milliseconds; without it
/// Microsoft.Data.Sqlite answers a busy database by sleeping about 150 ms per retry (docs/performance.md).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
