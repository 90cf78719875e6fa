using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Infrastructure.Engine.Steps;

/// <summary>
/// Waits for a step to be recorded done (<see cref="EngineShape.ProjectionWaits"/>): the request that records it is the
/// fact, so the engine reads it from the record instead of being told by an event. Until then the wait sleeps; the
/// request wakes it (<see cref="InstanceWake"/>), and so does the instance's first run after a restart.
/// </summary>
public sealed class AwaitStep : StepBodyAsync
{
    public string StepId { get; set; } = "";

    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var processId = ((ProcessData)context.Workflow.Data).ProcessId;
        var process = await RunProjection.Current.ProcessAsync(processId, context.CancellationToken);
        return process.Step(StepId)?.Status == StepStatus.Done ? ExecutionResult.Next() : ExecutionResult.Sleep(OpenStep.SafetyNet, null);
    }
}
