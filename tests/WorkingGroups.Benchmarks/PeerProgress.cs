using System.Collections.Concurrent;
using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// The in-process signal between the peer's step bodies and its driver: the bodies report each step opened and
/// closed; a driver that has just started an instance or completed a step waits until the instance has settled, that
/// is, the step is done and every step whose prerequisites are all done is open. Reading WorkflowCore's instance
/// instead would mean polling its store, and the poll's delay would be measured.
/// </summary>
public sealed class PeerProgress(ProcessDefinition definition)
{
    private readonly ConcurrentDictionary<Guid, Instance> _instances = new();

    private sealed class Instance
    {
        public readonly HashSet<string> Open = [];
        public readonly HashSet<string> Done = [];
        public string? Completing;
        public TaskCompletionSource<IReadOnlyList<string>>? Answer;
    }

    /// <summary>
    /// Registers the wait before the engine is told (the start, or the event), so that no report can come before it.
    /// <paramref name="completing"/> is the step being completed, null for a start.
    /// </summary>
    public Task<IReadOnlyList<string>> Expect(Guid processId, string? completing)
    {
        var instance = _instances.GetOrAdd(processId, _ => new Instance());
        // Asynchronous continuations: the driver must not run on the engine's thread that reported.
        var answer = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (instance)
        {
            if (instance.Answer is { Task.IsCompleted: false }) throw new InvalidOperationException($"{processId} already has a driver waiting");
            instance.Completing = completing;
            instance.Answer = answer;
        }
        return answer.Task;
    }

    public void Opened(Guid processId, string stepId) => Report(processId, i => i.Open.Add(stepId));

    public void Closed(Guid processId, string stepId) => Report(processId, i => i.Done.Add(stepId));

    private void Report(Guid processId, Action<Instance> change)
    {
        if (!_instances.TryGetValue(processId, out var instance)) return;
        lock (instance)
        {
            change(instance);
            if (instance.Answer is not { Task.IsCompleted: false } answer || !Settled(instance)) return;
            var active = definition.Steps.Where(s => instance.Open.Contains(s.Id) && !instance.Done.Contains(s.Id)).Select(s => s.Id).ToList();
            if (active.Count == 0) _instances.TryRemove(processId, out _); // every step done: nothing more will be reported
            answer.SetResult(active);
        }
    }

    private bool Settled(Instance instance) =>
        (instance.Completing is null || instance.Done.Contains(instance.Completing))
        && definition.Steps.All(s => instance.Done.Contains(s.Id) || instance.Open.Contains(s.Id) || !s.After.All(instance.Done.Contains));
}
