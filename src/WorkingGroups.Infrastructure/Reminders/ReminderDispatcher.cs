using Hangfire;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Mail;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>
/// Gives each due reminder its own send job. A reminder whose job was lost (a crash between our commit and
/// Hangfire's, or jobs in memory) is handed out again once it is stale; the job's claim makes a double harmless.
/// One dispatch at a time, across instances: two sweeps at once (one on each instance, or the recurring one and an
/// answer's) would otherwise both read the same reminders as due, and each report and enqueue all of them.
/// </summary>
public sealed class ReminderDispatcher(
    IDbContextFactory<AppDbContext> contexts,
    SharedLock dispatching,
    IBackgroundJobClient jobs,
    SmtpOptions smtp,
    ReminderOptions options,
    TimeProvider clock)
{
    public async Task<List<Reminder>> DispatchAsync(CancellationToken cancellationToken)
    {
        if (!smtp.IsConfigured) return [];
        await using var turn = await dispatching.TakeAsync(SharedLock.ReminderDispatch, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - options.StaleAfter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var paused = db.ReminderPauses.Select(p => p.ProcessId);
        var ready = await db.Reminders.AsNoTracking()
            .Where(r => r.Status == MailStatus.Due
                        || (r.Status == MailStatus.Scheduled && r.ScheduledAt < stale)
                        || (r.Status == MailStatus.Sending && r.ClaimedAt < stale))
            .Where(r => !paused.Contains(r.ProcessId))
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        if (ready.Count == 0) return ready;
        // One UPDATE for all of them: one statement per reminder was most of a 10,000-reminder sweep. The ids go as one
        // array parameter: EF Core's default, one parameter per id, made a statement it took a second to build (docs/performance-log.md, third pass).
        var ids = ready.Select(r => r.Id).ToList();
        await db.Reminders.Where(r => EF.Parameter(ids).Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, MailStatus.Scheduled).SetProperty(r => r.ScheduledAt, now), cancellationToken);
        foreach (var reminder in ready)
        {
            reminder.Status = MailStatus.Scheduled;
            reminder.ScheduledAt = now;
        }
        // A crash here leaves them Scheduled without a job: they become stale and are handed out again.
        foreach (var reminder in ready) jobs.Enqueue<ReminderJob>(job => job.SendAsync(reminder.Id, CancellationToken.None));
        return ready;
    }
}
