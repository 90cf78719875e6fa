using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Engine.Persistence;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Engine;

/// <summary>
/// Starts WorkflowCore once the database is migrated: every published definition version is registered first
/// (an unregistered version with live instances would be retried forever), then processes the engine does not
/// have yet are handed to it, and cancelled processes' instances are ended.
/// </summary>
public sealed class EngineHost(
    IWorkflowHost host,
    IWorkflowRegistry registry,
    DefinitionVersions versions,
    IDbContextFactory<AppDbContext> contexts,
    ILogger<EngineHost> logger)
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var definition in versions.All)
        {
            // Every shape: instances started in an older one still run in the shape they began in.
            foreach (var shape in Enum.GetValues<EngineShape>())
            {
                if (!registry.IsRegistered(EngineEvents.WorkflowId(definition.Id, shape), definition.Version))
                {
                    registry.RegisterWorkflow(WorkflowFactory.Build(definition, shape));
                }
            }
        }
        await host.StartAsync(cancellationToken);
        await ReconcileAsync(cancellationToken);
    }

    private readonly Lock _stopGate = new();
    private Task? _stopping;

    /// <summary>
    /// Stops the engine once; a second caller waits for the same stop. A test host is stopped twice at the same time
    /// (by the factory and by the app's own RunAsync, which then disposes the services): a second WorkflowCore stop, or
    /// a dispose while the first is still running, throws ObjectDisposedException from its event publisher.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopGate) return _stopping ??= StopOnceAsync(cancellationToken);
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await host.StopAsync(cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // The services went first (a test host's order); WorkflowCore's queues are gone, which is the stop we wanted.
            logger.LogDebug("The engine's services were disposed before it was stopped");
        }
    }

    /// <summary>Starts the engine instance of a process; the process's id is the instance's reference.</summary>
    public async Task<string> StartInstanceAsync(Process process)
    {
        var instanceId = await host.StartWorkflow(EngineEvents.WorkflowId(process.DefinitionId, EngineShape.ProjectionWaits), process.DefinitionVersion,
            new ProcessData { ProcessId = process.Id }, process.Id.ToString());
        return instanceId;
    }

    public Task TerminateAsync(string instanceId) => host.TerminateWorkflow(instanceId);

    /// <summary>Repairs what a crash between our commit and the engine's may have left.</summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var orphans = await db.Processes.Where(p => p.Status == ProcessStatus.Active && p.EngineInstanceId == null).ToListAsync(cancellationToken);
        foreach (var process in orphans)
        {
            var reference = process.Id.ToString();
            var existing = await db.Set<PersistedWorkflow>().Where(w => w.Reference == reference).Select(w => w.Id).FirstOrDefaultAsync(cancellationToken);
            process.EngineInstanceId = existing ?? await StartInstanceAsync(process);
            logger.LogInformation("Engine instance {InstanceId} recovered for process {ProcessId}", process.EngineInstanceId, process.Id);
        }
        await db.SaveChangesAsync(cancellationToken);

        var cancelled = await db.Processes.Where(p => p.Status == ProcessStatus.Cancelled && p.EngineInstanceId != null)
            .Select(p => p.EngineInstanceId!).ToListAsync(cancellationToken);
        var running = await db.Set<PersistedWorkflow>()
            .Where(w => cancelled.Contains(w.Id) && w.Status == (int)WorkflowCore.Models.WorkflowStatus.Runnable)
            .Select(w => w.Id).ToListAsync(cancellationToken);
        foreach (var id in running) await host.TerminateWorkflow(id);
    }
}
