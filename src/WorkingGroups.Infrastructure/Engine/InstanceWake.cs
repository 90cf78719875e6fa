using Microsoft.EntityFrameworkCore;
using WorkflowCore.Interface;
using WorkingGroups.Infrastructure.Engine.Persistence;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Engine;

/// <summary>
/// The request's half of <see cref="EngineShape.ProjectionWaits"/>: the transaction that records a step done also marks
/// the process's instance due now, and after the commit the instance is queued. The mark is what makes the wake durable:
/// after a crash in between, the engine's poll finds the instance due and runs it, and its waits read the record.
/// The instance's engine lock is held from the read of its shape to the commit, so the engine does not store the
/// instance in between: the mark is neither overwritten by that store nor makes it fail.
/// </summary>
public sealed class InstanceWake(IDistributedLockProvider locks, IQueueProvider queue, IDateTimeProvider clock)
{
    /// <summary>Holds the engine lock of <paramref name="instanceId"/> (if there is one) until disposed.</summary>
    public async Task<IAsyncDisposable> HoldAsync(string? instanceId, CancellationToken cancellationToken)
    {
        // Not taken within the lock's own wait (the engine is slow on this instance): go on without it. Whichever of the
        // two then stores second fails on the instance's concurrency token and nothing of it is written: the request
        // answers 409 (concurrent change), or the engine's run is dropped and the instance runs again from the store.
        var held = instanceId is not null && await locks.AcquireLock(instanceId, cancellationToken);
        return new Held(held ? () => locks.ReleaseLock(instanceId!) : null);
    }

    /// <summary>The shape of the instance and the concurrency token it is stored with, or null when it has none.</summary>
    public static async Task<(EngineShape Shape, Guid Token)?> ReadAsync(AppDbContext db, string? instanceId, CancellationToken cancellationToken)
    {
        if (instanceId is null) return null;
        var row = await db.Set<PersistedWorkflow>().Where(w => w.Id == instanceId)
            .Select(w => new { w.WorkflowDefinitionId, w.ConcurrencyToken }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (EngineEvents.ShapeOf(row.WorkflowDefinitionId), row.ConcurrencyToken);
    }

    /// <summary>Adds to <paramref name="db"/>'s next save: the instance is due now (only those two columns are written).</summary>
    public void MarkDue(AppDbContext db, string instanceId, Guid storedToken)
    {
        var row = new PersistedWorkflow { Id = instanceId, ConcurrencyToken = storedToken };
        db.Attach(row);
        row.NextExecution = clock.UtcNow.Ticks;
        row.ConcurrencyToken = Guid.NewGuid();
    }

    /// <summary>After the commit: the engine runs the instance now rather than at its next poll.</summary>
    public Task QueueAsync(string instanceId) => queue.QueueWork(instanceId, QueueType.Workflow);

    private sealed class Held(Func<Task>? release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (release is not null) await release();
        }
    }
}
