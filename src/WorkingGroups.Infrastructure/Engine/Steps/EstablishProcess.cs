using Microsoft.EntityFrameworkCore;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Engine.Steps;

/// <summary>Runs when every step of the process is done: the working group is established on the last completion date.</summary>
public sealed class EstablishProcess(
    IDbContextFactory<AppDbContext> contexts, ProcessSignals signals, TimeProvider clock, IEnumerable<IOnEstablished> followUps) : StepBodyAsync
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var processId = ((ProcessData)context.Workflow.Data).ProcessId;
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        var process = await ProcessService.WithSteps(db).SingleAsync(p => p.Id == processId, context.CancellationToken);
        if (process.Status == ProcessStatus.Active && process.Steps.All(s => s.Status == StepStatus.Done))
        {
            process.Status = ProcessStatus.Established;
            process.EstablishedOn = process.Steps.Max(s => s.CompletedOn);
            process.Version = Guid.NewGuid();
            db.AuditEntries.Add(new AuditEntry
            {
                ProcessId = process.Id,
                At = clock.GetUtcNow().UtcDateTime,
                User = "engine",
                Action = "established",
                After = $"{{\"establishedOn\":\"{process.EstablishedOn:yyyy-MM-dd}\"}}",
            });
            foreach (var followUp in followUps) await followUp.ApplyAsync(db, process, context.CancellationToken);
            await db.SaveChangesAsync(context.CancellationToken);
            signals.Pulse(process);
        }
        return ExecutionResult.Next();
    }
}
