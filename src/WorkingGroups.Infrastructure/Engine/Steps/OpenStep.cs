using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Definitions;

namespace WorkingGroups.Infrastructure.Engine.Steps;

/// <summary>
/// The join in front of every step: when all the steps it waits for are done it activates the step (and sends its
/// invitations); otherwise it sleeps until <see cref="CloseStep"/> wakes it. Exact for any DAG, no CPU while parked.
/// </summary>
public sealed class OpenStep(DefinitionVersions versions) : StepBodyAsync
{
    /// <summary>Only a safety net: a completed predecessor wakes the join at once.</summary>
    public static readonly TimeSpan SafetyNet = TimeSpan.FromHours(1);

    public string StepId { get; set; } = "";

    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var processId = ((ProcessData)context.Workflow.Data).ProcessId;
        var run = RunProjection.Current;
        var process = await run.ProcessAsync(processId, context.CancellationToken);
        var definition = versions.Get(process.DefinitionId, process.DefinitionVersion);
        var stepDefinition = definition.FindStep(StepId)!;
        var step = process.Step(StepId)!;

        if (step.Status != StepStatus.Blocked) return ExecutionResult.Next(); // opened before a restart
        if (process.Status != ProcessStatus.Active || !process.PrerequisitesDone(stepDefinition))
        {
            return ExecutionResult.Sleep(SafetyNet, null);
        }

        step.Status = StepStatus.Active;
        step.ActivatedOn = process.ActivationDate(stepDefinition);
        step.Version = Guid.NewGuid();
        if (stepDefinition.Kind == StepKind.Invitations)
        {
            foreach (var bodyId in stepDefinition.Invitees)
            {
                step.Invitations.Add(new Invitation
                {
                    ProcessId = process.Id,
                    StepId = StepId,
                    BodyId = bodyId,
                    Status = InvitationStatus.Pending,
                    SentOn = step.ActivatedOn.Value,
                    Version = Guid.NewGuid(),
                });
            }
        }
        await run.SaveAsync(context.CancellationToken);
        return ExecutionResult.Next();
    }
}
