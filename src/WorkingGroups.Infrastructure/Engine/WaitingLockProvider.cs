using WorkflowCore.Interface;

namespace WorkingGroups.Infrastructure.Engine;

/// <summary>
/// Single-node locks that wait briefly instead of failing at once. WorkflowCore's own provider fails
/// immediately, which leaves an event that arrives while its instance runs for the next poll: seconds of stall
/// for two quick actions on one process. One app instance only (see docs/decisions/0004-engine-mapping.md).
/// A lock is kept only while someone holds it or waits for it: an app that runs for years does not keep one per
/// instance it ever ran.
/// </summary>
public sealed class WaitingLockProvider : IDistributedLockProvider
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, Gate> _gates = new();

    /// <summary>One id's lock, and how many callers hold it or wait for it (changed only under the table's lock).</summary>
    private sealed class Gate
    {
        public readonly SemaphoreSlim Turn = new(1, 1);
        public int Users;
    }

    /// <summary>How many ids have a lock now: the ones held or waited for.</summary>
    public int Count
    {
        get { lock (_gates) return _gates.Count; }
    }

    public async Task<bool> AcquireLock(string Id, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(Id, out gate!)) _gates[Id] = gate = new Gate();
            gate.Users++;
        }
        var held = false;
        try
        {
            held = await gate.Turn.WaitAsync(Wait, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        if (!held) Leave(Id, gate);
        return held;
    }

    public Task ReleaseLock(string Id)
    {
        Gate? gate;
        lock (_gates) _gates.TryGetValue(Id, out gate);
        // Only a held lock is released: a release while nobody holds it changes nothing.
        if (gate is not null && gate.Turn.CurrentCount == 0)
        {
            gate.Turn.Release();
            Leave(Id, gate);
        }
        return Task.CompletedTask;
    }

    public Task Start() => Task.CompletedTask;

    public Task Stop() => Task.CompletedTask;

    private void Leave(string id, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0) _gates.Remove(id);
        }
    }
}
