using System.Collections.Concurrent;

namespace WorkingGroups.Infrastructure.Engine;

/// <summary>Lets a request wait for the engine to move a process on: step bodies pulse after they commit.</summary>
public sealed class ProcessSignals
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiting = new();

    /// <summary>A task that completes at the next pulse for the process.</summary>
    public Task Next(Guid processId) =>
        _waiting.GetOrAdd(processId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Pulse(Guid processId)
    {
        if (_waiting.TryRemove(processId, out var waiting)) waiting.TrySetResult();
    }
}
