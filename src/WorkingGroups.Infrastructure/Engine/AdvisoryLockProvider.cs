using System.Collections.Concurrent;
using Npgsql;
using WorkflowCore.Interface;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Engine;

/// <summary>
/// The engine's locks when several app instances share a PostgreSQL database: a PostgreSQL advisory lock per
/// workflow (and per poller), so that no two instances run the same workflow at once. Within this instance the
/// waiting lock queues its own workers first, so one instance never holds two connections for one workflow.
/// Like <see cref="WaitingLockProvider"/>, it waits briefly rather than failing at once.
/// </summary>
public sealed class AdvisoryLockProvider(string connectionString) : IDistributedLockProvider
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    private readonly WaitingLockProvider _local = new();
    private readonly ConcurrentDictionary<string, AdvisoryLock> _held = new();

    // Pooled for speed: a release unlocks explicitly, and Npgsql resets a connection's session (DISCARD ALL, which
    // drops advisory locks) when it goes back to the pool, so no lock can outlive its holder there.
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public async Task<bool> AcquireLock(string Id, CancellationToken cancellationToken)
    {
        if (!await _local.AcquireLock(Id, cancellationToken)) return false;
        AdvisoryLock? held = null;
        try
        {
            held = await AdvisoryLock.TryTakeAsync(_source, "engine:" + Id, Wait, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or NpgsqlException)
        {
            // Stopping, or the database is unreachable: not taken; the engine tries again on its next poll.
        }
        if (held is not null && _held.TryAdd(Id, held)) return true;
        if (held is not null) await held.DisposeAsync();
        await _local.ReleaseLock(Id);
        return false;
    }

    public async Task ReleaseLock(string Id)
    {
        if (_held.TryRemove(Id, out var held)) await held.DisposeAsync();
        await _local.ReleaseLock(Id);
    }

    public Task Start() => Task.CompletedTask;

    public async Task Stop()
    {
        foreach (var id in _held.Keys) await ReleaseLock(id);
    }
}
