using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings. synchronous=FULL: an acknowledged action survives even a power cut, which a
/// government record needs more than the last bit of write speed (see docs/decisions/0002-sqlite-durability.md).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

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
