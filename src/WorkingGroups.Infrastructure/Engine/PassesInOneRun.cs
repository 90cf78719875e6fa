using Microsoft.EntityFrameworkCore;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkingGroups.Infrastructure.Engine.Steps;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Engine;

/// <summary>
/// Runs an instance's passes back to back while it has work due now, and hands WorkflowCore one result for all of them.
/// WorkflowCore's executor runs only the pointers that were due when a pass began; the pointers a pass creates (the
/// close after a wait, the join it wakes, the wait after an opened step) are due at once, and its consumer then stores
/// the instance and queues it again, so one completion used to read and write the whole instance four times. Now the
/// consumer stores it once, when it rests. A crash in between loses nothing: the passes' own writes (an opened step)
/// are committed as they happen, and the step bodies are idempotent when the instance runs again from its last store.
/// <para>Every run first wakes the instance's sleeping <see cref="AwaitStep"/>s: a run is what a request that recorded a
/// step done asks for (<see cref="InstanceWake"/>), and after a restart it is how a completion recorded just before the
/// crash is found. A wait whose step is not done yet sleeps again.</para>
/// <para>The bodies of all the passes share one read of the process (<see cref="RunProjection"/>).</para>
/// </summary>
public sealed class PassesInOneRun(
    IWorkflowExecutor passes, IWorkflowRegistry registry, IDateTimeProvider clock, IDbContextFactory<AppDbContext> contexts, ProcessSignals signals)
    : IWorkflowExecutor
{
    /// <summary>A bound, so that a body that never rests still goes back through the queue now and then.</summary>
    public const int MaxPasses = 20;

    public async Task<WorkflowExecutorResult> Execute(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        WakeWaits(workflow);
        await using var projection = RunProjection.Begin(contexts, signals);
        var result = await passes.Execute(workflow, cancellationToken);
        for (var pass = 1; pass < MaxPasses && DueAgain(workflow) && result.Errors.Count == 0; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = await passes.Execute(workflow, cancellationToken);
            result.Subscriptions.AddRange(next.Subscriptions);
            result.Errors.AddRange(next.Errors);
        }
        return result;
    }

    private void WakeWaits(WorkflowInstance workflow)
    {
        var definition = registry.GetDefinition(workflow.WorkflowDefinitionId, workflow.Version);
        if (definition is null) return; // the executor reports an unregistered definition itself
        foreach (var pointer in workflow.ExecutionPointers)
        {
            if (pointer.Active && pointer.SleepUntil.HasValue && definition.Steps.FindById(pointer.StepId)?.BodyType == typeof(AwaitStep))
                pointer.SleepUntil = null;
        }
    }

    private bool DueAgain(WorkflowInstance workflow) =>
        workflow.Status == WorkflowStatus.Runnable && workflow.NextExecution is { } next && next <= clock.UtcNow.Ticks;
}
