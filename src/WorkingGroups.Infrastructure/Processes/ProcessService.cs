using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Engine;
using WorkingGroups.Infrastructure.Engine.Persistence;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Infrastructure.Settings;

namespace WorkingGroups.Infrastructure.Processes;

/// <summary>
/// What a coordinator does to a process. Each action records its facts, its audit entry and the engine event it
/// raises in one transaction; then it waits until the engine has opened the steps that were waiting on it, so the
/// answer already shows them (read your writes). An action given <c>mayChange</c> calls it first, on the process as
/// read: the caller's check of who may change it (a refusal throws), without a read of its own.
/// </summary>
public sealed class ProcessService(
    IDbContextFactory<AppDbContext> contexts,
    DefinitionCatalog catalog,
    DefinitionVersions versions,
    EngineHost engine,
    InstanceWake wake,
    IQueueProvider queue,
    ProcessSignals signals,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<ProcessService> logger)
{
    /// <summary>Audit values read as words ("done", not 2), without the empty fields.</summary>
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// How often a waiting request looks again without a pulse. Only a safety net: the step bodies pulse after every
    /// change that settles a process, and a short poll here made 32 waiting requests reload their processes 640 times
    /// a second (docs/performance.md).
    /// </summary>
    public static readonly TimeSpan SettleSafetyPoll = TimeSpan.FromMilliseconds(500);

    private TimeSpan SettleTimeout { get; } = SettingsReader.Use(configuration, ReadSettleTimeout);

    public static TimeSpan ReadSettleTimeout(SettingsReader read) =>
        TimeSpan.FromMilliseconds(read.Number("Engine:SettleTimeoutMs", 10_000, 0, 600_000));

    public ProcessDefinition DefinitionOf(Process process) => versions.Get(process.DefinitionId, process.DefinitionVersion);

    public async Task<Process> StartAsync(StartProcess command, string user, CancellationToken cancellationToken)
    {
        var definition = catalog.Find(command.DefinitionId, command.Version)
            ?? throw (command.Version is null
                ? ProcessRuleException.NotFound("definition-not-found", command.DefinitionId)
                : ProcessRuleException.NotFound("definition-version-not-found", command.DefinitionId, command.Version));
        if (command.StartedOn > Today)
            throw ProcessRuleException.Invalid("startedOn", "start-in-future", "startedOn", command.StartedOn, Today);
        if (command.StartedOn < ProcessRules.EarliestStart)
            throw ProcessRuleException.Invalid("startedOn", "start-too-early", "startedOn", command.StartedOn, ProcessRules.EarliestStart);
        ProcessRules.Text("title", command.Title, ProcessRules.MaxText);

        var process = new Process
        {
            Id = Guid.NewGuid(),
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            Country = definition.Country,
            Title = string.IsNullOrWhiteSpace(command.Title) ? definition.Title.Get("en") : command.Title.Trim(),
            Status = ProcessStatus.Active,
            StartedOn = command.StartedOn,
            BenchmarkDays = definition.Benchmark.Days,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user,
            Version = Guid.NewGuid(),
            Steps = definition.Steps.Select((s, i) => new ProcessStep
            {
                StepId = s.Id,
                Order = i,
                Status = StepStatus.Blocked,
                BenchmarkDays = s.Benchmark.Days,
                Version = Guid.NewGuid(),
            }).ToList(),
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Processes.Add(process);
            Audit(db, process.Id, user, "started", null, null, null,
                new { process.DefinitionId, process.DefinitionVersion, process.Title, process.StartedOn });
            await SaveClaimedAsync(db, process.Id, cancellationToken);

            // A crash before this line leaves a process without an instance; EngineHost gives it one at start-up.
            var opened = signals.Next(process.Id); // before the engine can open the first step
            process.EngineInstanceId = await engine.StartInstanceAsync(process);
            db.Update(process);
            process.Version = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            return await SettledAsync(process, opened, cancellationToken);
        }
    }

    public async Task<Process> CompleteStepAsync(Guid processId, string stepId, CompleteStep command, string user, CancellationToken cancellationToken,
        Action<Process>? mayChange = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var process = await LoadAsync(db, processId, cancellationToken);
        mayChange?.Invoke(process); // who may change it, decided on the process as read
        var definition = DefinitionOf(process);
        var (step, stepDefinition) = ProcessRules.ActiveProcessStep(process, definition, stepId);
        ProcessRules.MustBeActive(process, stepDefinition, step);
        ProcessRules.BusinessDate("completedOn", command.CompletedOn, Today, step.ActivatedOn!.Value, DateAnchor.StepActivated, new StepRef(stepId));
        ProcessRules.Text("note", command.Note, ProcessRules.MaxNote);
        ProcessRules.Evidence(command.Evidence, Today);

        var before = StepFacts(step);
        step.Status = StepStatus.Done;
        step.CompletedOn = command.CompletedOn;
        step.Note = command.Note ?? step.Note;
        step.Evidence = command.Evidence?.ToList() ?? step.Evidence;
        step.Version = Guid.NewGuid();

        // Closing the invitations: the bodies that never answered are recorded as such.
        var unanswered = step.Invitations.Where(i => i.Status == InvitationStatus.Pending).ToList();
        foreach (var invitation in unanswered)
        {
            invitation.Status = InvitationStatus.NoResponse;
            invitation.Version = Guid.NewGuid();
        }
        Audit(db, processId, user, "step-completed", stepId, null, before, StepFacts(step));
        return await CommitAndSettleAsync(db, process, stepDone: true, shape => shape switch
        {
            // The oldest instances wait for each invited body, so each one closed unanswered is an event of its own.
            EngineShape.AnswerWaits when stepDefinition.Kind == StepKind.Invitations =>
                unanswered.Select(i => NewEvent(EngineEvents.InvitationAnswered, EngineEvents.InvitationKey(processId, stepId, i.BodyId))).ToList(),
            EngineShape.ProjectionWaits => [],
            _ => [NewEvent(EngineEvents.StepCompleted, EngineEvents.StepKey(processId, stepId))],
        }, cancellationToken);
    }

    /// <param name="announce">The body answered itself (its link): the coordinators are told by e-mail, recorded with the answer.</param>
    public async Task<Process> AnswerInvitationAsync(Guid processId, string stepId, string bodyId, AnswerInvitation command, string user, CancellationToken cancellationToken,
        Action<Process>? mayChange = null, bool announce = false)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var process = await LoadAsync(db, processId, cancellationToken);
        mayChange?.Invoke(process); // who may change it, decided on the process as read
        var definition = DefinitionOf(process);
        var (step, stepDefinition) = ProcessRules.ActiveProcessStep(process, definition, stepId);
        if (stepDefinition.Kind != StepKind.Invitations)
            throw ProcessRuleException.Conflict("not-an-invitations-step", new StepRef(stepId));
        ProcessRules.MustBeActive(process, stepDefinition, step);
        var invitation = step.Invitations.FirstOrDefault(i => i.BodyId == bodyId)
            ?? throw ProcessRuleException.Conflict("not-invited", new BodyRef(bodyId), new StepRef(stepId), step.Invitations.Select(i => new BodyRef(i.BodyId)).ToList());
        if (invitation.Status != InvitationStatus.Pending)
            throw ProcessRuleException.Conflict("already-answered", new BodyRef(bodyId), invitation.Status, invitation.RespondedOn);
        ProcessRules.BusinessDate("respondedOn", command.RespondedOn, Today, invitation.SentOn, DateAnchor.InvitationSent);
        ProcessRules.Nominee(command.Nominee, required: command.Response == InvitationResponse.Accepted);
        ProcessRules.Text("reason", command.Reason, ProcessRules.MaxNote);

        var before = new { invitation.Status, invitation.RespondedOn };
        invitation.Status = command.Response == InvitationResponse.Accepted ? InvitationStatus.Accepted : InvitationStatus.Declined;
        invitation.RespondedOn = command.RespondedOn;
        invitation.Nominee = command.Response == InvitationResponse.Accepted ? command.Nominee : null;
        invitation.Reason = command.Reason;
        invitation.Version = Guid.NewGuid();
        step.Version = Guid.NewGuid(); // concurrent answers in one step conflict, so exactly one of them is the last
        if (step.Invitations.All(i => i.Status != InvitationStatus.Pending))
        {
            // The last answer completes the step on the date of the latest answer.
            step.Status = StepStatus.Done;
            step.CompletedOn = step.Invitations.Max(i => i.RespondedOn);
        }
        Audit(db, processId, user, "invitation-answered", stepId, bodyId, before,
            new { invitation.Status, invitation.RespondedOn, invitation.Nominee, invitation.Reason });
        if (announce) AnswerNotices.Record(db, processId, stepId, bodyId, clock.GetUtcNow().UtcDateTime);
        // The engine hears of an answer only when it completes the step, unless the instance waits for each answer.
        var stepDone = step.Status == StepStatus.Done;
        return await CommitAndSettleAsync(db, process, stepDone, shape => shape switch
        {
            EngineShape.AnswerWaits => [NewEvent(EngineEvents.InvitationAnswered, EngineEvents.InvitationKey(processId, stepId, bodyId))],
            EngineShape.StepWaits when stepDone => [NewEvent(EngineEvents.StepCompleted, EngineEvents.StepKey(processId, stepId))],
            _ => [],
        }, cancellationToken);
    }

    /// <summary>Corrects what was recorded: elapsed times follow, and the audit trail keeps the original.</summary>
    public async Task<Process> CorrectStepAsync(Guid processId, string stepId, CorrectStep command, string user, CancellationToken cancellationToken,
        Action<Process>? mayChange = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var process = await LoadAsync(db, processId, cancellationToken);
        mayChange?.Invoke(process); // who may change it, decided on the process as read
        var definition = DefinitionOf(process);
        var stepDefinition = definition.FindStep(stepId)
            ?? throw ProcessRules.UnknownStep(definition, stepId);
        var step = process.Step(stepId)!;
        if (process.Status == ProcessStatus.Cancelled)
            throw ProcessRuleException.Conflict("record-closed");
        if (step.Status == StepStatus.Blocked)
            throw ProcessRuleException.Conflict("nothing-to-correct", new StepRef(stepId));
        ProcessRules.Text("note", command.Note, ProcessRules.MaxNote);
        ProcessRules.Evidence(command.Evidence, Today);

        var before = StepFacts(step);
        if (command.CompletedOn is { } completedOn)
        {
            if (step.Status != StepStatus.Done)
                throw ProcessRuleException.Invalid("completedOn", "correct-not-completed", new StepRef(stepId));
            ProcessRules.BusinessDate("completedOn", completedOn, Today, step.ActivatedOn!.Value, DateAnchor.StepActivated, new StepRef(stepId));
            step.CompletedOn = completedOn;
            Reactivate(process, definition);
        }
        step.Note = command.Note ?? step.Note;
        step.Evidence = command.Evidence?.ToList() ?? step.Evidence;
        step.Version = Guid.NewGuid();
        process.Version = Guid.NewGuid();
        Audit(db, processId, user, "step-corrected", stepId, null, before, StepFacts(step));
        await CommitAsync(db, processId, [], cancellationToken);
        return await LoadAsync(db, processId, cancellationToken, tracked: false);
    }

    public async Task<Process> CancelAsync(Guid processId, CancelProcess command, string user, CancellationToken cancellationToken,
        Action<Process>? mayChange = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var process = await LoadAsync(db, processId, cancellationToken);
        mayChange?.Invoke(process); // who may change it, decided on the process as read
        if (process.Status != ProcessStatus.Active)
            throw ProcessRuleException.Conflict("cancel-not-active", process.Status);
        ProcessRules.BusinessDate("cancelledOn", command.CancelledOn, Today, process.StartedOn, DateAnchor.ProcessStart);
        ProcessRules.Text("reason", command.Reason, ProcessRules.MaxNote, required: true);
        process.Status = ProcessStatus.Cancelled;
        process.CancelledOn = command.CancelledOn;
        process.CancelReason = command.Reason.Trim();
        process.Version = Guid.NewGuid();
        Audit(db, processId, user, "cancelled", null, null, null, new { process.CancelledOn, process.CancelReason });
        await CommitAsync(db, processId, [], cancellationToken);
        // A crash before this leaves a running instance of a cancelled process; EngineHost ends it at start-up.
        if (process.EngineInstanceId is { } instance) await engine.TerminateAsync(instance);
        return process;
    }

    public async Task<Process?> FindAsync(Guid processId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await WithSteps(db).AsNoTracking().SingleOrDefaultAsync(p => p.Id == processId, cancellationToken);
    }

    public async Task<List<Process>> ListAsync(string? country, ProcessStatus? status, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = WithSteps(db).AsNoTracking();
        if (country is not null) query = query.Where(p => p.Country == country);
        if (status is not null) query = query.Where(p => p.Status == status);
        return await query.OrderByDescending(p => p.StartedOn).ThenBy(p => p.Title).ToListAsync(cancellationToken);
    }

    public async Task<List<AuditEntry>> AuditAsync(Guid processId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Processes.AnyAsync(p => p.Id == processId, cancellationToken))
            throw ProcessRuleException.NotFound("process-not-found", processId);
        return await db.AuditEntries.AsNoTracking().Where(a => a.ProcessId == processId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>After a corrected completion date, steps that followed it start on the new date.</summary>
    private static void Reactivate(Process process, ProcessDefinition definition)
    {
        foreach (var stepDefinition in definition.Steps)
        {
            var step = process.Step(stepDefinition.Id)!;
            if (step.Status == StepStatus.Blocked || stepDefinition.After.Count == 0) continue;
            var activatedOn = process.ActivationDate(stepDefinition);
            if (step.CompletedOn is { } done && done < activatedOn)
                throw ProcessRuleException.Invalid("completedOn", "correction-breaks-order", new StepRef(step.StepId), activatedOn, done);
            if (step.ActivatedOn != activatedOn)
            {
                step.ActivatedOn = activatedOn;
                step.Version = Guid.NewGuid();
            }
        }
        if (process.Status == ProcessStatus.Established) process.EstablishedOn = process.Steps.Max(s => s.CompletedOn);
    }

    /// <summary>A process with its steps in order and their invitations, as every answer shows it.</summary>
    internal static IQueryable<Process> WithSteps(AppDbContext db) =>
        db.Processes.Include(p => p.Steps.OrderBy(s => s.Order)).ThenInclude(s => s.Invitations).AsSplitQuery();

    private static async Task<Process> LoadAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken, bool tracked = true)
    {
        var query = tracked ? WithSteps(db) : WithSteps(db).AsNoTracking();
        return await query.SingleOrDefaultAsync(p => p.Id == processId, cancellationToken)
            ?? throw ProcessRuleException.NotFound("process-not-found", processId);
    }

    /// <summary>Facts, audit and engine events in one transaction; the events are handed to the engine after it.</summary>
    private async Task CommitAsync(AppDbContext db, Guid processId, List<PersistedEvent> events, CancellationToken cancellationToken)
    {
        db.Set<PersistedEvent>().AddRange(events);
        try
        {
            await SaveClaimedAsync(db, processId, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ProcessRuleException.Conflict("concurrent-change");
        }
        // A crash before this line leaves the events unprocessed in the database: the engine's poller finds them.
        foreach (var e in events) await queue.QueueWork(e.Id, QueueType.Event);
    }

    /// <summary>
    /// Commits an action that may move the process on, and tells its instance in the way the instance waits: engine events
    /// (<paramref name="eventsFor"/> its shape) for the older shapes, a wake when a step is done for the current one
    /// (<see cref="InstanceWake"/>). Then waits for the engine to move the process on.
    /// </summary>
    private async Task<Process> CommitAndSettleAsync(
        AppDbContext db, Process process, bool stepDone, Func<EngineShape, List<PersistedEvent>> eventsFor, CancellationToken cancellationToken)
    {
        var moved = signals.Next(process.Id); // before the commit, so that a step body pulsing at once is not missed
        var woken = false;
        await using (await wake.HoldAsync(process.EngineInstanceId, cancellationToken))
        {
            // A process without an instance yet gets one in the current shape at start-up, which reads the record.
            var instance = await InstanceWake.ReadAsync(db, process.EngineInstanceId, cancellationToken);
            if (instance is { Shape: EngineShape.ProjectionWaits, Token: var token } && stepDone)
            {
                wake.MarkDue(db, process.EngineInstanceId!, token);
                woken = true;
            }
            await CommitAsync(db, process.Id, eventsFor(instance?.Shape ?? EngineShape.ProjectionWaits), cancellationToken);
        }
        if (woken) await wake.QueueAsync(process.EngineInstanceId!);
        return await SettledAsync(process, moved, cancellationToken);
    }

    private Task SaveClaimedAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken) =>
        ClaimedSave.SaveAsync(db, contexts, processId, clock.GetUtcNow().UtcDateTime, cancellationToken);

    private static PersistedEvent NewEvent(string name, string key) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        EventName = name,
        EventKey = key,
        EventTime = DateTime.UtcNow, // the engine's clock, not the business clock
        IsProcessed = false,
    };

    private void Audit(AppDbContext db, Guid processId, string user, string action, string? stepId, string? bodyId, object? before, object? after) =>
        db.AuditEntries.Add(NewAudit(processId, clock.GetUtcNow().UtcDateTime, user, action, stepId, bodyId, before, after));

    /// <summary>An audit entry, its values written as words and without the empty fields.</summary>
    internal static AuditEntry NewAudit(Guid processId, DateTime at, string user, string action, string? stepId, string? bodyId, object? before, object? after) =>
        new()
        {
            ProcessId = processId,
            At = at,
            User = user,
            Action = action,
            StepId = stepId,
            BodyId = bodyId,
            Before = before is null ? null : JsonSerializer.Serialize(before, AuditJson),
            After = after is null ? null : JsonSerializer.Serialize(after, AuditJson),
        };

    private static object StepFacts(ProcessStep step) => new { step.Status, step.ActivatedOn, step.CompletedOn, step.Note, step.Evidence };

    /// <summary>
    /// Waits until the engine has opened every step that can open (or the process is established). The first look is at
    /// the process as this request committed it; <paramref name="pulse"/> was taken before that commit, so a step body
    /// that moves the process on at once is not missed. A pulse brings the process as the step body committed it: when
    /// that shows it settled, it is the answer; otherwise the process is read again, after the next pulse was taken.
    /// </summary>
    private async Task<Process> SettledAsync(Process committed, Task<Process> pulse, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        var process = committed;
        while (true)
        {
            if (ProcessRules.IsSettled(process, DefinitionOf(process))) return process;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                logger.LogWarning("The engine has not caught up with process {ProcessId} within {Timeout}", process.Id, SettleTimeout);
                return process;
            }
            await Task.WhenAny(pulse, Task.Delay(left < SettleSafetyPoll ? left : SettleSafetyPoll, cancellationToken));
            if (pulse.IsCompletedSuccessfully && ProcessRules.IsSettled(pulse.Result, DefinitionOf(pulse.Result))) return pulse.Result;
            pulse = signals.Next(process.Id);
            process = await FindAsync(process.Id, cancellationToken)
                ?? throw ProcessRuleException.NotFound("process-not-found", committed.Id);
        }
    }
}
