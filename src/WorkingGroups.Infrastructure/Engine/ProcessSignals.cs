using System.Collections.Concurrent;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Infrastructure.Engine;

/// <summary>
/// Lets a request wait for the engine to move a process on: step bodies pulse after they commit, with the process as
/// they committed it (its steps in order, with their invitations), so that the waiting request need not read it again.
/// </summary>
public sealed class ProcessSignals
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<Process>> _waiting = new();

    /// <summary>A task that completes at the next pulse for the process, with the process that pulse committed.</summary>
    public Task<Process> Next(Guid processId) =>
        _waiting.GetOrAdd(processId, _ => new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>
    /// Wakes whoever waits for the process. <paramref name="committed"/> is handed to them as it is: the body that
    /// pulses must not change it afterwards.
    /// </summary>
    public void Pulse(Process committed)
    {
        if (_waiting.TryRemove(committed.Id, out var waiting)) waiting.TrySetResult(committed);
    }
}
