using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace WorkingGroups.Infrastructure.Engine.Steps;

/// <summary>
/// Runs after a step's completion (or every invitation's answer) reached the engine: wakes the sleeping joins of
/// this instance so the steps waiting on it open now. The facts themselves were recorded by the request that
/// raised the event, in the same transaction.
/// </summary>
public sealed class CloseStep : StepBody
{
    public string StepId { get; set; } = "";

    public override ExecutionResult Run(IStepExecutionContext context)
    {
        foreach (var pointer in context.Workflow.ExecutionPointers.Where(p => p.Active && p.SleepUntil.HasValue))
        {
            pointer.SleepUntil = null;
        }
        return ExecutionResult.Next();
    }
}
