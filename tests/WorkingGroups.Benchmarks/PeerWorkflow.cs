using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Benchmarks;

/// <summary>The peer's workflow data, kept by WorkflowCore's in-memory store (never serialised).</summary>
public sealed class PeerData
{
    public Guid ProcessId { get; set; }
    public DateTime StartedAt { get; set; }
    public HashSet<string> Done { get; set; } = [];
}

/// <summary>
/// One of our definitions as a plain WorkflowCore workflow with trivial step bodies: a parallel branch per step, each
/// a join (sleeps until the steps it comes after are done), a WaitFor on "step completed" keyed by instance and step,
/// and a close that records the step done in the workflow's data and wakes the joins that wait on it.
/// </summary>
public sealed class PeerWorkflow(ProcessDefinition definition) : IWorkflow<PeerData>
{
    public const string StepCompleted = "step-completed";

    public string Id => $"peer-{definition.Id}";
    public int Version => definition.Version;

    public static string Key(Guid processId, string stepId) => $"{processId:N}/{stepId}";

    public static string JoinName(string stepId) => $"join {stepId}";

    public void Build(IWorkflowBuilder<PeerData> builder)
    {
        var branches = builder.StartWith(_ => ExecutionResult.Next()).Parallel();
        foreach (var step in definition.Steps)
        {
            var stepId = step.Id;
            var after = step.After.ToArray();
            var wakes = definition.Steps.Where(s => s.After.Contains(stepId)).Select(s => JoinName(s.Id)).ToHashSet();
            branches = branches.Do(branch => branch
                .StartWith<JoinStep>().Name(JoinName(stepId))
                    .Input(join => join.StepId, _ => stepId)
                    .Input(join => join.After, _ => after)
                // The instance's start as the effective date: an event published before this wait subscribed still counts.
                .WaitFor(StepCompleted, data => Key(data.ProcessId, stepId), data => data.StartedAt)
                .Then<CloseStep>()
                    .Input(close => close.StepId, _ => stepId)
                    .Input(close => close.Wakes, _ => wakes));
        }
        branches.Join();
    }
}

/// <summary>Opens its step once every step it comes after is done; until then sleeps, to be woken by their close.</summary>
public sealed class JoinStep(PeerProgress progress) : StepBody
{
    /// <summary>Only a backstop: the close of the last prerequisite wakes the join at once.</summary>
    private static readonly TimeSpan Parked = TimeSpan.FromHours(1);

    public string StepId { get; set; } = "";
    public string[] After { get; set; } = [];

    public override ExecutionResult Run(IStepExecutionContext context)
    {
        var data = (PeerData)context.Workflow.Data;
        if (!After.All(data.Done.Contains)) return ExecutionResult.Sleep(Parked, null);
        progress.Opened(data.ProcessId, StepId);
        return ExecutionResult.Next();
    }
}

/// <summary>Records the step done and wakes only the sleeping joins of the steps that come after it.</summary>
public sealed class CloseStep(PeerProgress progress) : StepBody
{
    public string StepId { get; set; } = "";
    public IReadOnlySet<string> Wakes { get; set; } = new HashSet<string>();

    public override ExecutionResult Run(IStepExecutionContext context)
    {
        var data = (PeerData)context.Workflow.Data;
        data.Done.Add(StepId);
        foreach (var pointer in context.Workflow.ExecutionPointers)
        {
            if (pointer.Active && pointer.SleepUntil is not null && Wakes.Contains(pointer.StepName)) pointer.SleepUntil = null;
        }
        progress.Closed(data.ProcessId, StepId);
        return ExecutionResult.Next();
    }
}
