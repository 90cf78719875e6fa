using WorkingGroups.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>What a coordinator does with reminders: read them, send one now, pause and resume a process's reminders.</summary>
public sealed class ReminderService(
    IDbContextFactory<AppDbContext> contexts,
    DefinitionVersions versions,
    ReminderDispatcher dispatcher,
    IClock clock)
{
    public async Task<List<Reminder>> ListAsync(Guid processId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Reminders.AsNoTracking().Where(r => r.ProcessId == processId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// How many reminders each invited body was sent in each process, up to the end of a business date (UTC); a recorded
    /// reminder by the date it was sent.
    /// </summary>
    public async Task<Dictionary<(Guid ProcessId, string BodyId), int>> SentToBodiesAsync(DateOnly until, CancellationToken cancellationToken)
    {
        var end = until.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sent = await db.Reminders.AsNoTracking()
            .Where(r => r.Status == MailStatus.Sent && r.Kind != ReminderKind.Overdue
                        && (r.Kind == ReminderKind.Recorded ? r.DueOn <= until : r.SentAt < end))
            .GroupBy(r => new { r.ProcessId, r.BodyId })
            .Select(g => new { g.Key.ProcessId, g.Key.BodyId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return sent.ToDictionary(x => (x.ProcessId, x.BodyId), x => x.Count);
    }

    /// <summary>
    /// Records a reminder sent outside the app for a pending invitation. It counts in the invitation's reminder series, so
    /// the sweep does not send the reminder it stands for (<see cref="RecordedReminders"/>). The reminder and its audit
    /// entry are saved together, with the request's Idempotency-Key if it has one.
    /// </summary>
    public async Task<Reminder> RecordAsync(Guid processId, RecordReminder command, string user, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var process = await db.ProjectionReadOnly().SingleOrDefaultAsync(p => p.Id == processId, cancellationToken)
            ?? throw DomainRuleException.NotFound("process-not-found", processId);
        var (invitation, policy) = RecordedReminders.Check(process, versions.Get(process.DefinitionId, process.DefinitionVersion), command,
            DateOnly.FromDateTime(now));
        var earlier = await db.Reminders.AsNoTracking()
            .Where(r => r.ProcessId == processId && r.StepId == command.StepId && r.BodyId == command.BodyId).ToListAsync(cancellationToken);
        if (earlier.Any(r => r.Kind == ReminderKind.Recorded && r.DueOn == command.SentOn)) throw AlreadyRecorded(command);

        var reminder = ReminderPlan.New(process, command.StepId, command.BodyId, ReminderKind.Recorded,
            RecordedReminders.Sequence(policy, invitation.SentOn, command.SentOn, earlier), command.SentOn, now);
        reminder.Status = MailStatus.Sent;
        reminder.Channel = command.Channel;
        reminder.LetterNumber = Blank(command.LetterNumber);
        reminder.Note = Blank(command.Note);
        reminder.RecordedBy = user;
        db.Reminders.Add(reminder);
        db.AuditEntries.Add(ProcessService.NewAudit(processId, now, user, "reminder-recorded", command.StepId, command.BodyId, null, RecordedFacts(reminder)));
        try
        {
            await ClaimedSave.SaveAsync(db, contexts, processId, now, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // The same reminder recorded a moment ago by another request: the unique key refused the second copy.
            await using var other = await contexts.CreateDbContextAsync(cancellationToken);
            if (await other.Reminders.AnyAsync(r => r.ProcessId == processId && r.StepId == command.StepId && r.BodyId == command.BodyId
                    && r.Kind == ReminderKind.Recorded && r.DueOn == command.SentOn, cancellationToken))
                throw AlreadyRecorded(command);
            throw;
        }
        return reminder;
    }

    /// <summary>
    /// Corrects how a recorded reminder went (a mistyped letter number, the wrong channel, a note), also after the process
    /// was established, never once it was cancelled. Only a recorded one: what the app sent is the server's record. The
    /// audit keeps what it said before.
    /// </summary>
    public async Task<Reminder> CorrectRecordedAsync(Guid processId, long reminderId, CorrectRecordedReminder correction, string user, CancellationToken cancellationToken)
    {
        RecordedReminders.Check(correction);
        var now = clock.UtcNow;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reminder = await RecordedAsync(db, processId, reminderId, cancellationToken);
        var before = RecordedFacts(reminder);
        if (correction.Channel is { } channel) reminder.Channel = channel;
        if (correction.LetterNumber is not null) reminder.LetterNumber = Blank(correction.LetterNumber);
        if (correction.Note is not null) reminder.Note = Blank(correction.Note);
        db.AuditEntries.Add(ProcessService.NewAudit(processId, now, user, "reminder-corrected", reminder.StepId, reminder.BodyId, before, RecordedFacts(reminder)));
        await ClaimedSave.SaveAsync(db, contexts, processId, now, cancellationToken);
        return reminder;
    }

    /// <summary>
    /// Withdraws a reminder recorded by mistake (it never went out, or not to this body): it leaves the list and the
    /// series, so the sweep may send the reminder it stood for. Under the same rules as a correction; the audit keeps it.
    /// </summary>
    public async Task WithdrawRecordedAsync(Guid processId, long reminderId, string user, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reminder = await RecordedAsync(db, processId, reminderId, cancellationToken);
        db.Reminders.Remove(reminder);
        db.AuditEntries.Add(ProcessService.NewAudit(processId, now, user, "reminder-withdrawn", reminder.StepId, reminder.BodyId, RecordedFacts(reminder), null));
        await ClaimedSave.SaveAsync(db, contexts, processId, now, cancellationToken);
    }

    /// <summary>A reminder recorded by hand in a process whose record is open, tracked; every refusal says why.</summary>
    private static async Task<Reminder> RecordedAsync(AppDbContext db, Guid processId, long reminderId, CancellationToken cancellationToken)
    {
        var status = await db.Processes.Where(p => p.Id == processId).Select(p => (ProcessStatus?)p.Status).SingleOrDefaultAsync(cancellationToken)
            ?? throw DomainRuleException.NotFound("process-not-found", processId);
        if (status == ProcessStatus.Cancelled) throw DomainRuleException.Conflict("record-closed");
        var reminder = await db.Reminders.AsTracking().SingleOrDefaultAsync(r => r.Id == reminderId && r.ProcessId == processId, cancellationToken)
            ?? throw DomainRuleException.NotFound("reminder-not-found", reminderId);
        if (reminder.Kind != ReminderKind.Recorded) throw DomainRuleException.Conflict("not-a-recorded-reminder", reminderId, reminder.Kind);
        return reminder;
    }

    private static object RecordedFacts(Reminder r) =>
        new { SentOn = r.DueOn, Channel = r.Channel is { } channel ? RecordedReminders.Name(channel) : null, r.Sequence, r.LetterNumber, r.Note };

    private static DomainRuleException AlreadyRecorded(RecordReminder command) =>
        DomainRuleException.Conflict("reminder-already-recorded", new BodyRef(command.BodyId), command.SentOn);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public async Task<bool> IsPausedAsync(Guid processId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReminderPauses.AnyAsync(p => p.ProcessId == processId, cancellationToken);
    }

    /// <summary>One reminder now to every body that has to act; at most one a day each (the same key).</summary>
    public async Task<List<Reminder>> SendNowAsync(Process process, CancellationToken cancellationToken)
    {
        if (process.Status != ProcessStatus.Active)
            throw DomainRuleException.Conflict("nobody-to-remind", process.Status);
        var now = clock.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var definition = versions.Get(process.DefinitionId, process.DefinitionVersion);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.Reminders.Where(r => r.ProcessId == process.Id && r.Kind == ReminderKind.Manual && r.DueOn == today)
            .Select(r => new { r.StepId, r.BodyId }).ToListAsync(cancellationToken);
        var targets = process.Steps.Where(s => s.Status == StepStatus.Active).SelectMany(s =>
            s.Invitations.Count > 0
                ? s.Invitations.Where(i => i.Status == InvitationStatus.Pending).Select(i => (s.StepId, i.BodyId))
                : [(s.StepId, definition.FindStep(s.StepId)!.OwnerBodyId)]);
        var added = targets.Where(t => !existing.Contains(new { t.StepId, t.BodyId }))
            .Select(t => ReminderPlan.New(process, t.StepId, t.BodyId, ReminderKind.Manual, 1, today, now)).ToList();
        db.Reminders.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        await dispatcher.DispatchAsync(cancellationToken);
        var ids = added.Select(a => a.Id).ToList();
        return await db.Reminders.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
    }

    public async Task PauseAsync(Guid processId, string user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ReminderPauses.AnyAsync(p => p.ProcessId == processId, cancellationToken)) return;
        db.ReminderPauses.Add(new ReminderPause { ProcessId = processId, PausedAt = clock.UtcNow, PausedBy = user });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ResumeAsync(Guid processId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ReminderPauses.Where(p => p.ProcessId == processId).ExecuteDeleteAsync(cancellationToken);
        await dispatcher.DispatchAsync(cancellationToken);
    }
}
