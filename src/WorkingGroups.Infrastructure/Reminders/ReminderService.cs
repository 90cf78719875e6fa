using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>What a coordinator does with reminders: read them, send one now, pause and resume a process's reminders.</summary>
public sealed class ReminderService(
    IDbContextFactory<AppDbContext> contexts,
    DefinitionVersions versions,
    ReminderDispatcher dispatcher,
    TimeProvider clock)
{
    public async Task<List<Reminder>> ListAsync(Guid processId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Reminders.AsNoTracking().Where(r => r.ProcessId == processId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>How many reminders each invited body was sent in each process, up to the end of a business date (UTC).</summary>
    public async Task<Dictionary<(Guid ProcessId, string BodyId), int>> SentToBodiesAsync(DateOnly until, CancellationToken cancellationToken)
    {
        var end = until.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sent = await db.Reminders.AsNoTracking()
            .Where(r => r.Status == ReminderStatus.Sent && r.SentAt < end && r.Kind != ReminderKind.Overdue)
            .GroupBy(r => new { r.ProcessId, r.BodyId })
            .Select(g => new { g.Key.ProcessId, g.Key.BodyId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return sent.ToDictionary(x => (x.ProcessId, x.BodyId), x => x.Count);
    }

    public async Task<bool> IsPausedAsync(Guid processId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReminderPauses.AnyAsync(p => p.ProcessId == processId, cancellationToken);
    }

    /// <summary>One reminder now to every body that has to act; at most one a day each (the same key).</summary>
    public async Task<List<Reminder>> SendNowAsync(Process process, CancellationToken cancellationToken)
    {
        if (process.Status != ProcessStatus.Active)
            throw ProcessRuleException.Conflict("nobody-to-remind", process.Status);
        var now = clock.GetUtcNow().UtcDateTime;
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
        db.ReminderPauses.Add(new ReminderPause { ProcessId = processId, PausedAt = clock.GetUtcNow().UtcDateTime, PausedBy = user });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ResumeAsync(Guid processId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ReminderPauses.Where(p => p.ProcessId == processId).ExecuteDeleteAsync(cancellationToken);
        await dispatcher.DispatchAsync(cancellationToken);
    }
}
