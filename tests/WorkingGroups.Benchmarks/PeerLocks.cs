using System.Collections.Concurrent;
using WorkflowCore.Interface;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// The peer's second change to WorkflowCore's defaults, through its own extension point (UseDistributedLockManager).
/// The default single-node lock fails at once when it is held; an event whose instance is running at that moment is
/// then left for the next poll (10 s by default). In a --quick run with the default lock, 8 events out of about 2,700
/// were left so, and each stalled its walk for 4 to 10 s. Here a caller waits for the lock instead, briefly.
/// </summary>
public sealed class PeerLocks : IDistributedLockProvider
{
    /// <summary>Far longer than a pass holds a lock; past it, WorkflowCore's own fallback (the poll) applies again.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    // One per instance and event the peer ever saw: a run's worth, gone with the peer.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public async Task<bool> AcquireLock(string Id, CancellationToken cancellationToken)
    {
        try
        {
            return await _locks.GetOrAdd(Id, _ => new SemaphoreSlim(1, 1)).WaitAsync(Wait, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // WorkflowCore releases only the locks it acquired.
    public Task ReleaseLock(string Id)
    {
        _locks[Id].Release();
        return Task.CompletedTask;
    }

    public Task Start() => Task.CompletedTask;

    public Task Stop() => Task.CompletedTask;
}
