using WorkingGroups.Core.Calendars;
using WorkingGroups.Infrastructure.Calendars;
using WorkingGroups.Infrastructure.Hosting;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;

namespace WorkingGroups.Infrastructure.Processes;

/// <summary>
/// What a coordinator does to a process: load it, call its command (which checks the rules and moves the process on),
/// save. The change, its audit entries, the request's idempotency claim and what follows from establishment commit in
/// one transaction, and the answer is the process as committed. A racing write to the same process fails on its
/// version and is refused (409). An action given <c>mayChange</c> calls it first, on the process as read: the caller's
/// check of who may change it (a refusal throws), without a read of its own.
/// </summary>
public sealed class ProcessService(
    IDbContextFactory<AppDbContext> contexts,
    DefinitionCatalog catalog,
    DefinitionVersions versions,
    IEnumerable<IOnEstablished> onEstablished,
    IClock clock,
    WorkingCalendars calendars)
{
    /// <summary>Audit values read as words ("done", not 2), without the empty fields.</summary>
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Business dates are the process's country's: "not in the future" means not after today there.</summary>
    private DateOnly Today(Process process) => clock.TodayIn(process.Country);

    private DateTime Now => clock.UtcNow;

    public ProcessDefinition DefinitionOf(Process process) => versions.Get(process.DefinitionId, process.DefinitionVersion);

    /// <summary>Today in the process's country, and what its benchmarks count (calendar or working days).</summary>
    public (DateOnly Today, DayRuler Ruler) TimeOf(Process process) => (Today(process), calendars.RulerFor(DefinitionOf(process)));

    /// <summary>
    /// The years its working-day benchmarks cannot be counted in, for want of its country's calendar year: its page says
    /// so rather than show a guess as a figure.
    /// </summary>
    public IReadOnlyList<int> MissingCalendarYears(Process process) =>
        TimeOf(process) is var (today, ruler) ? ruler.MissingYears(process.StartedOn, process.EstablishedOn ?? process.CancelledOn ?? today) : [];

    /// <param name="alongside">What else the start records in the same transaction (an amendment's link to its group).</param>
    public async Task<Process> StartAsync(StartProcess command, string user, CancellationToken cancellationToken,
        Action<AppDbContext, Process>? alongside = null)
    {
        var definition = catalog.Find(command.DefinitionId, command.Version)
            ?? throw (command.Version is null
                ? DomainRuleException.NotFound("definition-not-found", command.DefinitionId)
                : DomainRuleException.NotFound("definition-version-not-found", command.DefinitionId, command.Version));
        var process = Process.Start(definition, command.StartedOn, command.Title, user, Now, clock.TodayIn(definition.Country));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Processes.Add(process);
        Audit(db, process.Id, user, "started", null, null, null,
            new { process.DefinitionId, process.DefinitionVersion, process.Title, process.StartedOn });
        alongside?.Invoke(db, process);
        await SaveAsync(db, process.Id, cancellationToken);
        return process;
    }

    public Task<Process> CompleteStepAsync(Guid processId, string stepId, CompleteStep command, string user, CancellationToken cancellationToken,
        Action<Process>? mayChange = null) =>
        ChangeAsync(processId, user, mayChange, (db, process, definition) =>
        {
            var before = StepFacts(process.Step(stepId));
            var advance = process.Complete(definition, stepId, command, Today(process));
            Audit(db, processId, user, "step-completed", stepId, null, before, StepFacts(process.Step(stepId)));
            return advance;
        }, cancellationToken);

    /// <param name="announce">The body answered itself (its link): the coordinators are told by e-mail, recorded with the answer.</param>
    public Task<Process> AnswerInvitationAsync(Guid processId, string stepId, string bodyId, AnswerInvitation command, string user, CancellationToken cancellationToken,
        Action<Process>? mayChange = null, bool announce = false) =>
        ChangeAsync(processId, user, mayChange, (db, process, definition) =>
        {
            var before = process.Step(stepId)?.Invitations.FirstOrDefault(i => i.BodyId == bodyId) is { } was ? new { was.Status, was.RespondedOn } : null;
            var advance = process.Answer(definition, stepId, bodyId, command, Today(process));
            var invitation = process.Step(stepId)!.Invitations.Single(i => i.BodyId == bodyId);
            Audit(db, processId, user, "invitation-answered", stepId, bodyId, before,
                new { invitation.Status, invitation.RespondedOn, invitation.Nominee, invitation.Reason });
            if (announce) AnswerNotices.Record(db, processId, stepId, bodyId, Now);
            return advance;
        }, cancellationToken);

    /// <summary>Corrects what was recorded: elapsed times follow, and the audit trail keeps the original.</summary>
    public Task<Process> CorrectStepAsync(Guid processId, string stepId, CorrectStep command, string user, CancellationToken cancellationToken,
        Action<Process>? mayChange = null) =>
        ChangeAsync(processId, user, mayChange, (db, process, definition) =>
        {
            var before = StepFacts(process.Step(stepId));
            if (process.Correct(definition, stepId, command, Today(process)))
                Audit(db, processId, user, "step-corrected", stepId, null, before, StepFacts(process.Step(stepId)));
            return null;
        }, cancellationToken);

    /// <summary>Reopens a done step for another round; the audit keeps the round it closes.</summary>
    public Task<Process> SendBackAsync(Guid processId, string stepId, SendBackStep command, string user, CancellationToken cancellationToken,
        Action<Process>? mayChange = null) =>
        ChangeAsync(processId, user, mayChange, (db, process, definition) =>
        {
            var before = StepFacts(process.Step(stepId));
            process.SendBack(definition, stepId, command, Today(process));
            var step = process.Step(stepId)!;
            Audit(db, processId, user, "step-sent-back", stepId, null, before,
                new { step.Status, step.ActivatedOn, command.SentBackOn, Reason = command.Reason.Trim(), Round = step.Rounds.Count + 1 });
            return null;
        }, cancellationToken);

    public Task<Process> CancelAsync(Guid processId, CancelProcess command, string user, CancellationToken cancellationToken,
        Action<Process>? mayChange = null) =>
        ChangeAsync(processId, user, mayChange, (db, process, _) =>
        {
            process.Cancel(command, Today(process));
            Audit(db, processId, user, "cancelled", null, null, null, new { process.CancelledOn, process.CancelReason });
            return null;
        }, cancellationToken);

    /// <summary>
    /// Moves on every running process that can move (steps whose prerequisites are done, a process whose steps are
    /// all done). A process always moves on in the command that records it; this is for a database written before
    /// that was so, where the old engine may not have caught up when the app stopped.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var moved = 0;
        foreach (var process in await WithSteps(db).Where(p => p.Status == ProcessStatus.Active).ToListAsync(cancellationToken))
        {
            var advance = process.Advance(DefinitionOf(process));
            if (advance.Opened.Count == 0 && !advance.Established) continue;
            if (advance.Established) await EstablishedAsync(db, process, "engine", cancellationToken);
            moved++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return moved;
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
            throw DomainRuleException.NotFound("process-not-found", processId);
        return await db.AuditEntries.AsNoTracking().Where(a => a.ProcessId == processId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>A process with its steps in order and their invitations, as every answer shows it.</summary>
    internal static IQueryable<Process> WithSteps(AppDbContext db) =>
        db.Processes.Include(p => p.Steps.OrderBy(s => s.Order)).ThenInclude(s => s.Invitations).AsSplitQuery();

    /// <summary>
    /// One process to change, tracked; compiled once, as every command starts with it. Per app, not per process: a
    /// compiled query keeps the first provider it met (see <see cref="Identity.ApiTokenSignIn"/>).
    /// </summary>
    private readonly Func<AppDbContext, Guid, CancellationToken, Task<Process?>> _toChange =
        EF.CompileAsyncQuery((AppDbContext db, Guid id, CancellationToken _) => db.Processes
            .Include(p => p.Steps.OrderBy(s => s.Order)).ThenInclude(s => s.Invitations).AsSplitQuery()
            .SingleOrDefault(p => p.Id == id));

    /// <summary>Load, check who may change it, call the command, record what establishment brings, save: one transaction.</summary>
    private async Task<Process> ChangeAsync(Guid processId, string user, Action<Process>? mayChange,
        Func<AppDbContext, Process, ProcessDefinition, Advance?> command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var process = await _toChange(db, processId, cancellationToken)
            ?? throw DomainRuleException.NotFound("process-not-found", processId);
        mayChange?.Invoke(process); // who may change it, decided on the process as read
        if (command(db, process, DefinitionOf(process)) is { Established: true })
            await EstablishedAsync(db, process, user, cancellationToken);
        await SaveAsync(db, processId, cancellationToken);
        return process;
    }

    /// <summary>The process is established: its audit entry and its consequences (a group founded, a composition amended).</summary>
    private async Task EstablishedAsync(AppDbContext db, Process process, string user, CancellationToken cancellationToken)
    {
        Audit(db, process.Id, user, "established", null, null, null, new { process.EstablishedOn });
        foreach (var consequence in onEstablished) await consequence.ApplyAsync(db, process, cancellationToken);
    }

    private async Task SaveAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken)
    {
        try
        {
            await ClaimedSave.SaveAsync(db, contexts, processId, Now, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainRuleException.Conflict("process-changed-concurrently", processId);
        }
    }

    private void Audit(AppDbContext db, Guid processId, string user, string action, string? stepId, string? bodyId, object? before, object? after) =>
        db.AuditEntries.Add(NewAudit(processId, Now, user, action, stepId, bodyId, before, after));

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

    private static object? StepFacts(ProcessStep? step) =>
        step is null ? null : new { step.Status, step.ActivatedOn, step.CompletedOn, step.Note, step.Evidence };
}
