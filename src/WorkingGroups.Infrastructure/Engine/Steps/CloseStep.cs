using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace WorkingGroups.Infrastructure.Engine.Steps;

/// <summary>
/// Runs after a step's completion (or every invitation's answer) reached the engine: wakes the sleeping joins that
/// wait on this step, so the steps after it open now. The others sleep on: waking every join made each reload the
/// process for nothing (docs/performance.md). The facts themselves were recorded by the request that
/// raised the event, in the same transaction.
/// </summary>
public sealed class CloseStep : StepBody
{
    /// <summary>The engine step ids of the joins in front of the steps that wait on this one.</summary>
    public IReadOnlySet<int> Joins { get; set; } = new HashSet<int>();

    public override ExecutionResult Run(IStepExecutionContext context)
    {
        foreach (var pointer in context.Workflow.ExecutionPointers.Where(p => p.Active && p.SleepUntil.HasValue && Joins.Contains(p.StepId)))
        {
            pointer.SleepUntil = null;
        }
        return ExecutionResult.Next();
    }
}
