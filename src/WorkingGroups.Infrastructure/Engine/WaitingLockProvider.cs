using System.Collections.Concurrent;
using WorkflowCore.Interface;

namespace WorkingGroups.Infrastructure.Engine;

/// <summary>
/// Single-node locks that wait briefly instead of failing at once. WorkflowCore's own provider fails
/// immediately, which leaves an event that arrives while its instance runs for the next poll: seconds of stall
/// for two quick actions on one process. One app instance only (see docs/decisions/0004-engine-mapping.md).
/// </summary>
public sealed class WaitingLockProvider : IDistributedLockProvider
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public async Task<bool> AcquireLock(string Id, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(Id, _ => new SemaphoreSlim(1, 1));
        try
        {
            return await gate.WaitAsync(Wait, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public Task ReleaseLock(string Id)
    {
        if (_locks.TryGetValue(Id, out var gate) && gate.CurrentCount == 0) gate.Release();
        return Task.CompletedTask;
    }

    public Task Start() => Task.CompletedTask;

    public Task Stop() => Task.CompletedTask;
}
