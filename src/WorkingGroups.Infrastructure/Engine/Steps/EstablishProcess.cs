using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Engine.Steps;

/// <summary>Runs when every step of the process is done: the working group is established on the last completion date.</summary>
public sealed class EstablishProcess(TimeProvider clock, IEnumerable<IOnEstablished> followUps) : StepBodyAsync
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var processId = ((ProcessData)context.Workflow.Data).ProcessId;
        var run = RunProjection.Current;
        var process = await run.ProcessAsync(processId, context.CancellationToken);
        if (process.Status == ProcessStatus.Active && process.Steps.All(s => s.Status == StepStatus.Done))
        {
            process.Status = ProcessStatus.Established;
            process.EstablishedOn = process.Steps.Max(s => s.CompletedOn);
            process.Version = Guid.NewGuid();
            var db = await run.ContextAsync(context.CancellationToken);
            db.AuditEntries.Add(new AuditEntry
            {
                ProcessId = process.Id,
                At = clock.GetUtcNow().UtcDateTime,
                User = "engine",
                Action = "established",
                After = $"{{\"establishedOn\":\"{process.EstablishedOn:yyyy-MM-dd}\"}}",
            });
            foreach (var followUp in followUps) await followUp.ApplyAsync(db, process, context.CancellationToken);
            await run.SaveAsync(context.CancellationToken);
        }
        return ExecutionResult.Next();
    }
}
