using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// A PostgreSQL session-level advisory lock, held on a connection of its own until disposed. When the app instance
/// holding it dies, the server ends its session and the lock is free again: no lease to expire, no lock left behind.
/// </summary>
internal sealed class AdvisoryLock : IAsyncDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(20);

    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private AdvisoryLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    /// <summary>The lock's 64-bit key: the first bytes of the name's SHA-256, the same on every instance.</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);

    /// <summary>Waits as long as it takes (start-up work that one instance at a time must do).</summary>
    public static async Task<AdvisoryLock> TakeAsync(NpgsqlDataSource source, string name, CancellationToken cancellationToken)
    {
        var key = KeyOf(name);
        var connection = await source.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Tries for up to <paramref name="wait"/>; null when another session still holds the lock.</summary>
    public static async Task<AdvisoryLock?> TryTakeAsync(NpgsqlDataSource source, string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        var key = KeyOf(name);
        var waited = Stopwatch.StartNew();
        var connection = await source.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
            while (true)
            {
                if (await command.ExecuteScalarAsync(cancellationToken) is true) return new AdvisoryLock(connection, key);
                if (waited.Elapsed >= wait) break;
                await Task.Delay(Retry, cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", _connection) { Parameters = { new() { Value = _key } } };
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The connection is broken: the server has ended the session, and the lock with it.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
