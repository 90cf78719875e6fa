using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Engine.Persistence;

/// <summary>
/// WorkflowCore's durable store on EF Core (SQLite today). Every call uses its own short-lived context, so the
/// provider is safe to share as a singleton across WorkflowCore's background workers.
/// <para>Contract decisions (WorkflowCore's own providers disagree on some; these are the ones chosen and tested):</para>
/// <list type="bullet">
/// <item>Reading a missing workflow or event throws <see cref="InvalidOperationException"/>, as the EF and Mongo
/// providers do (WorkflowCore dereferences the result without a null check); a missing subscription reads as null,
/// which the event consumer and activity controller test for.</item>
/// <item>Terminate, mark-processed and mark-unprocessed are idempotent and ignore unknown ids.</item>
/// <item><see cref="SetSubscriptionToken"/> only claims an unclaimed subscription (or re-claims with the same token)
/// and reports whether it did; <see cref="ClearSubscriptionToken"/> with another token throws
/// <see cref="InvalidOperationException"/> and leaves the claim alone; releasing a subscription that is gone is a no-op.</item>
/// <item>Persisting an instance read before someone else's write of the same instance throws
/// <see cref="DbUpdateConcurrencyException"/> instead of silently overwriting it.</item>
/// <item>A duplicate scheduled command (same name and data) replaces the execute time of the pending one; a command
/// re-scheduled while its action runs is not deleted afterwards.</item>
/// </list>
/// </summary>
public sealed class EfPersistenceProvider(IDbContextFactory<AppDbContext> contexts) : IPersistenceProvider
{
    /// <summary>
    /// Type names everywhere: instance data, persistence data, event data, outcomes and extension attributes are
    /// declared as <see cref="object"/> and must come back as the types WorkflowCore's steps cast them to. The JSON is
    /// only ever read back from this database. JSON numbers without a type name come back as long or double, as with
    /// WorkflowCore's own providers.
    /// </summary>
    private static readonly JsonSerializerSettings Json = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Simple,
        ObjectCreationHandling = ObjectCreationHandling.Replace,
        DateTimeZoneHandling = DateTimeZoneHandling.RoundtripKind,
    };

    /// <summary>The concurrency token each instance object was read (or last written) with.</summary>
    private readonly ConditionalWeakTable<WorkflowInstance, StrongBox<Guid>> _readTokens = new();

    /// <summary>
    /// No: WorkflowCore would then write a "run this instance at its next execution" command after every run of a
    /// sleeping instance (one more transaction per completion), while its poll already finds due instances by their
    /// next execution (an indexed query) every poll interval. The commands below still work, and are tested, for a
    /// deployment that wants them back.
    /// </summary>
    public bool SupportsScheduledCommands => false;

    // ---------------------------------------------------------------- workflows

    public async Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var id = string.IsNullOrEmpty(workflow.Id) ? NewId() : workflow.Id;
        var row = new PersistedWorkflow { Id = id, ConcurrencyToken = Guid.NewGuid() };
        CopyTo(row, workflow);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);

        workflow.Id = id;
        Remember(workflow, row.ConcurrencyToken);
        return id;
    }

    public Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) =>
        PersistWorkflow(workflow, null!, cancellationToken);

    /// <summary>Writes the instance and creates <paramref name="subscriptions"/> (may be null) in one transaction.</summary>
    public async Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentException.ThrowIfNullOrEmpty(workflow.Id);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        PersistedWorkflow row;
        if (_readTokens.TryGetValue(workflow, out var readWith))
        {
            // Known as it was read: one UPDATE that only matches the row as this object saw it, without reading the
            // instance's execution pointers back first (the biggest column the engine has).
            row = new PersistedWorkflow { Id = workflow.Id, ConcurrencyToken = readWith.Value };
            db.Attach(row);
            CopyTo(row, workflow);
            db.Entry(row).State = EntityState.Modified;
        }
        else
        {
            row = await db.Set<PersistedWorkflow>().AsTracking().SingleOrDefaultAsync(x => x.Id == workflow.Id, cancellationToken)
                ?? throw Missing(workflow.Id);
            CopyTo(row, workflow);
        }
        row.ConcurrencyToken = Guid.NewGuid();

        var created = new List<(EventSubscription Subscription, string Id)>();
        foreach (var subscription in subscriptions ?? [])
        {
            var id = string.IsNullOrEmpty(subscription.Id) ? NewId() : subscription.Id;
            db.Add(ToRow(subscription, id));
            created.Add((subscription, id));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            if (!await ExistsAsync(workflow.Id, cancellationToken)) throw Missing(workflow.Id);
            throw;
        }

        Remember(workflow, row.ConcurrencyToken);
        foreach (var (subscription, id) in created) subscription.Id = id;
    }

    private static InvalidOperationException Missing(string id) =>
        new($"Workflow instance '{id}' does not exist, so it cannot be persisted.");

    private async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<PersistedWorkflow>().AnyAsync(x => x.Id == id, cancellationToken);
    }

    public async Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default)
    {
        var now = UtcDateTime.AsUtc(asAt).Ticks;
        var runnable = (int)WorkflowStatus.Runnable;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<PersistedWorkflow>().AsNoTracking()
            .Where(x => x.Status == runnable && x.NextExecution != null && x.NextExecution <= now)
            .OrderBy(x => x.NextExecution)
            .Select(x => x.Id)
            .ToListAsync(cancellationToken);
    }

    [Obsolete("WorkflowCore marks this query obsolete; it stays for its callers.")]
    public async Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(WorkflowStatus? status, string type, DateTime? createdFrom, DateTime? createdTo, int skip, int take)
    {
        await using var db = await contexts.CreateDbContextAsync();
        IQueryable<PersistedWorkflow> query = db.Set<PersistedWorkflow>().AsNoTracking();
        if (status.HasValue)
        {
            var value = (int)status.Value;
            query = query.Where(x => x.Status == value);
        }
        if (!string.IsNullOrEmpty(type)) query = query.Where(x => x.WorkflowDefinitionId == type);
        if (createdFrom.HasValue)
        {
            var from = UtcDateTime.AsUtc(createdFrom.Value);
            query = query.Where(x => x.CreateTime >= from);
        }
        if (createdTo.HasValue)
        {
            var to = UtcDateTime.AsUtc(createdTo.Value);
            query = query.Where(x => x.CreateTime <= to);
        }
        var rows = await query.OrderBy(x => x.CreateTime).ThenBy(x => x.Id).Skip(skip).Take(take).ToListAsync();
        return rows.Select(ToInstance).ToList();
    }

    public async Task<WorkflowInstance> GetWorkflowInstance(string Id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<PersistedWorkflow>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, cancellationToken)
            ?? throw new InvalidOperationException($"Workflow instance '{Id}' was not found.");
        return ToInstance(row);
    }

    public async Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids?.Where(id => id is not null).Distinct().ToList() ?? [];
        if (wanted.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<PersistedWorkflow>().AsNoTracking().Where(x => wanted.Contains(x.Id)).ToListAsync(cancellationToken);
        return rows.Select(ToInstance).ToList();
    }

    // ---------------------------------------------------------------- subscriptions

    public async Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var id = string.IsNullOrEmpty(subscription.Id) ? NewId() : subscription.Id;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(ToRow(subscription, id));
        await db.SaveChangesAsync(cancellationToken);
        subscription.Id = id;
        return id;
    }

    public async Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        var at = UtcDateTime.AsUtc(asOf);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<PersistedSubscription>().AsNoTracking()
            .Where(x => x.EventName == eventName && x.EventKey == eventKey && x.SubscribeAsOf <= at)
            .OrderBy(x => x.SubscribeAsOf).ThenBy(x => x.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(ToSubscription).ToList();
    }

    /// <summary>Idempotent: an unknown or already terminated subscription is ignored.</summary>
    public async Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<PersistedSubscription>().Where(x => x.Id == eventSubscriptionId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Null when the subscription does not exist (any more).</summary>
    public async Task<EventSubscription> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<PersistedSubscription>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventSubscriptionId, cancellationToken);
        return row is null ? null! : ToSubscription(row);
    }

    /// <summary>The oldest subscription no activity worker holds; null when there is none.</summary>
    public async Task<EventSubscription> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        var at = UtcDateTime.AsUtc(asOf);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<PersistedSubscription>().AsNoTracking()
            .Where(x => x.EventName == eventName && x.EventKey == eventKey && x.SubscribeAsOf <= at && x.ExternalToken == null)
            .OrderBy(x => x.SubscribeAsOf).ThenBy(x => x.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null! : ToSubscription(row);
    }

    /// <summary>Claims the subscription for a worker in one conditional UPDATE: true if it was unclaimed (or already
    /// held under the same token), false if another token holds it or it does not exist.</summary>
    public async Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        DateTime? until = UtcDateTime.AsUtc(expiry);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Set<PersistedSubscription>()
            .Where(x => x.Id == eventSubscriptionId && (x.ExternalToken == null || x.ExternalToken == token))
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.ExternalToken, token)
                .SetProperty(x => x.ExternalWorkerId, workerId)
                .SetProperty(x => x.ExternalTokenExpiry, until), cancellationToken);
        return claimed > 0;
    }

    /// <summary>Releases the claim. Another token's claim is not touched: that throws <see cref="InvalidOperationException"/>,
    /// as WorkflowCore's memory and EF providers do. A subscription that no longer exists has nothing to release.</summary>
    public async Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subscriptions = db.Set<PersistedSubscription>();
        var released = await subscriptions
            .Where(x => x.Id == eventSubscriptionId && x.ExternalToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.ExternalToken, (string?)null)
                .SetProperty(x => x.ExternalWorkerId, (string?)null)
                .SetProperty(x => x.ExternalTokenExpiry, (DateTime?)null), cancellationToken);
        if (released == 0 && await subscriptions.AnyAsync(x => x.Id == eventSubscriptionId, cancellationToken))
        {
            throw new InvalidOperationException($"Subscription '{eventSubscriptionId}' is held under a different token.");
        }
    }

    // ---------------------------------------------------------------- events

    public async Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newEvent);
        var id = string.IsNullOrEmpty(newEvent.Id) ? NewId() : newEvent.Id;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(new PersistedEvent
        {
            Id = id,
            EventName = newEvent.EventName ?? "",
            EventKey = newEvent.EventKey ?? "",
            EventDataJson = Serialize(newEvent.EventData),
            EventTime = UtcDateTime.AsUtc(newEvent.EventTime),
            IsProcessed = newEvent.IsProcessed,
        });
        await db.SaveChangesAsync(cancellationToken);
        newEvent.Id = id;
        return id;
    }

    public async Task<Event> GetEvent(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<PersistedEvent>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken)
            ?? throw new InvalidOperationException($"Event '{id}' was not found.");
        return new Event
        {
            Id = row.Id,
            EventName = row.EventName,
            EventKey = row.EventKey,
            EventData = Deserialize(row.EventDataJson),
            EventTime = row.EventTime,
            IsProcessed = row.IsProcessed,
        };
    }

    /// <summary>Unprocessed events due at <paramref name="asAt"/>, oldest first.</summary>
    public async Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default)
    {
        var at = UtcDateTime.AsUtc(asAt);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<PersistedEvent>().AsNoTracking()
            .Where(x => !x.IsProcessed && x.EventTime <= at)
            .OrderBy(x => x.EventTime)
            .Select(x => x.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Events of that name and key published AT OR AFTER <paramref name="asOf"/>, processed or not, oldest first.
    /// (WorkflowCore asks this with a new subscription's SubscribeAsOf to find the events it may already satisfy.)</summary>
    public async Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        var from = UtcDateTime.AsUtc(asOf);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<PersistedEvent>().AsNoTracking()
            .Where(x => x.EventName == eventName && x.EventKey == eventKey && x.EventTime >= from)
            .OrderBy(x => x.EventTime)
            .Select(x => x.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Idempotent; an unknown id is ignored.</summary>
    public async Task MarkEventProcessed(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<PersistedEvent>().Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsProcessed, true), cancellationToken);
    }

    /// <summary>
    /// Re-opens an event for a subscription that may still take it; an event no subscription waits for any more stays
    /// as it is. WorkflowCore calls this after persisting a new subscription, for the events it may already satisfy.
    /// When the event consumer has meanwhile seeded that very subscription and marked the event processed, re-opening it
    /// left an event nothing would ever take, which the poller then handed out again every minute, for ever.
    /// Idempotent; an unknown id is ignored.
    /// </summary>
    public async Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subscriptions = db.Set<PersistedSubscription>();
        await db.Set<PersistedEvent>()
            .Where(x => x.Id == id && subscriptions.Any(s => s.EventName == x.EventName && s.EventKey == x.EventKey && s.SubscribeAsOf <= x.EventTime))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsProcessed, false), cancellationToken);
    }

    // ---------------------------------------------------------------- errors and store

    public async Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default)
    {
        var rows = (errors ?? []).Select(e => new PersistedExecutionError
        {
            WorkflowId = e.WorkflowId ?? "",
            ExecutionPointerId = e.ExecutionPointerId,
            ErrorTime = UtcDateTime.AsUtc(e.ErrorTime),
            Message = e.Message,
        }).ToList();
        if (rows.Count == 0) return;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Checks that the engine tables exist; creates nothing. The schema belongs to the app's EF migrations, which
    /// the database initializer applies before the workflow host starts (WorkflowCore calls this from Start).
    /// </summary>
    public void EnsureStoreExists()
    {
        using var db = contexts.CreateDbContext();
        try
        {
            _ = db.Set<PersistedWorkflow>().Any();
            _ = db.Set<PersistedSubscription>().Any();
            _ = db.Set<PersistedEvent>().Any();
            _ = db.Set<PersistedExecutionError>().Any();
            _ = db.Set<PersistedScheduledCommand>().Any();
        }
        catch (DbException ex)
        {
            throw new InvalidOperationException(
                "The workflow engine's tables are missing: apply the database migrations before starting the workflow host.", ex);
        }
    }

    // ---------------------------------------------------------------- scheduled commands

    /// <summary>At most one pending command per (name, data): a duplicate replaces the pending one's execute time
    /// (WorkflowCore schedules the instance's current NextExecution, so the latest call is the one that is true).</summary>
    public async Task ScheduleCommand(ScheduledCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var commands = db.Set<PersistedScheduledCommand>();
            var updated = await commands
                .Where(x => x.CommandName == command.CommandName && x.Data == command.Data)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExecuteTime, command.ExecuteTime));
            if (updated > 0) return;

            commands.Add(new PersistedScheduledCommand { CommandName = command.CommandName, Data = command.Data, ExecuteTime = command.ExecuteTime });
            try
            {
                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateException) when (attempt < attempts)
            {
                // Someone inserted the same command in between (unique index): update theirs on the next pass.
            }
        }
    }

    /// <summary>
    /// Runs every command due at <paramref name="asOf"/>, oldest first, and deletes each after its action succeeded.
    /// A failed command stays for the next poll; the others still run, and the failures are thrown together at the end.
    /// </summary>
    public async Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var now = asOf.UtcTicks;
        List<PersistedScheduledCommand> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Set<PersistedScheduledCommand>().AsNoTracking()
                .Where(x => x.ExecuteTime <= now)
                .OrderBy(x => x.ExecuteTime).ThenBy(x => x.Id)
                .ToListAsync(cancellationToken);
        }

        var failures = new List<Exception>();
        foreach (var row in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await action(new ScheduledCommand { CommandName = row.CommandName, Data = row.Data, ExecuteTime = row.ExecuteTime });
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add(ex);
                continue;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // Only the command as it was run: if it was re-scheduled meanwhile, the new time stands.
            await db.Set<PersistedScheduledCommand>()
                .Where(x => x.Id == row.Id && x.ExecuteTime == row.ExecuteTime)
                .ExecuteDeleteAsync(cancellationToken);
        }

        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} scheduled command(s) failed and stay scheduled.", failures);
        }
    }

    // ---------------------------------------------------------------- mapping

    private static string NewId() => Guid.NewGuid().ToString();

    private void Remember(WorkflowInstance workflow, Guid token) => _readTokens.AddOrUpdate(workflow, new StrongBox<Guid>(token));

    private static string Serialize(object? value) => JsonConvert.SerializeObject(value, Json);

    private static object? Deserialize(string? json) => json is null ? null : JsonConvert.DeserializeObject(json, Json);

    private static void CopyTo(PersistedWorkflow row, WorkflowInstance workflow)
    {
        row.WorkflowDefinitionId = workflow.WorkflowDefinitionId ?? "";
        row.Version = workflow.Version;
        row.Description = workflow.Description;
        row.Reference = workflow.Reference;
        row.DataJson = Serialize(workflow.Data);
        row.ExecutionPointersJson = JsonConvert.SerializeObject((workflow.ExecutionPointers ?? []).ToList(), Json);
        row.NextExecution = workflow.NextExecution;
        row.Status = (int)workflow.Status;
        row.CreateTime = UtcDateTime.AsUtc(workflow.CreateTime);
        row.CompleteTime = workflow.CompleteTime is { } completed ? UtcDateTime.AsUtc(completed) : null;
    }

    private WorkflowInstance ToInstance(PersistedWorkflow row)
    {
        var pointers = JsonConvert.DeserializeObject<List<ExecutionPointer>>(row.ExecutionPointersJson, Json) ?? [];
        var workflow = new WorkflowInstance
        {
            Id = row.Id,
            WorkflowDefinitionId = row.WorkflowDefinitionId,
            Version = row.Version,
            Description = row.Description,
            Reference = row.Reference,
            Data = Deserialize(row.DataJson),
            ExecutionPointers = new ExecutionPointerCollection(pointers),
            NextExecution = row.NextExecution,
            Status = (WorkflowStatus)row.Status,
            CreateTime = row.CreateTime,
            CompleteTime = row.CompleteTime,
        };
        Remember(workflow, row.ConcurrencyToken);
        return workflow;
    }

    private static PersistedSubscription ToRow(EventSubscription subscription, string id) => new()
    {
        Id = id,
        WorkflowId = subscription.WorkflowId ?? "",
        StepId = subscription.StepId,
        ExecutionPointerId = subscription.ExecutionPointerId,
        EventName = subscription.EventName ?? "",
        EventKey = subscription.EventKey ?? "",
        SubscribeAsOf = UtcDateTime.AsUtc(subscription.SubscribeAsOf),
        SubscriptionDataJson = Serialize(subscription.SubscriptionData),
        ExternalToken = subscription.ExternalToken,
        ExternalWorkerId = subscription.ExternalWorkerId,
        ExternalTokenExpiry = subscription.ExternalTokenExpiry is { } expiry ? UtcDateTime.AsUtc(expiry) : null,
    };

    private static EventSubscription ToSubscription(PersistedSubscription row) => new()
    {
        Id = row.Id,
        WorkflowId = row.WorkflowId,
        StepId = row.StepId,
        ExecutionPointerId = row.ExecutionPointerId,
        EventName = row.EventName,
        EventKey = row.EventKey,
        SubscribeAsOf = row.SubscribeAsOf,
        SubscriptionData = Deserialize(row.SubscriptionDataJson),
        ExternalToken = row.ExternalToken,
        ExternalWorkerId = row.ExternalWorkerId,
        ExternalTokenExpiry = row.ExternalTokenExpiry,
    };
}
