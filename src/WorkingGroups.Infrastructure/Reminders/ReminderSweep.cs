using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Calendars;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>
/// Records what is due today in our database (the source of truth), then hands every due reminder to a send job.
/// Safe to run twice at once: the unique key stops a second copy of a reminder.
/// </summary>
public sealed class ReminderSweep(
    IDbContextFactory<AppDbContext> contexts,
    DefinitionVersions versions,
    ReminderDispatcher dispatcher,
    Digests digests,
    AnswerNotices answerNotices,
    IClock clock,
    WorkingCalendars calendars,
    ILogger<ReminderSweep> logger)
{
    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        // Each process is swept on its own country's date: before 05:00 in Astana it is already tomorrow there.
        var now = clock.UtcNow;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var paused = (await db.ReminderPauses.Select(p => p.ProcessId).ToListAsync(cancellationToken)).ToHashSet();
        var processes = await db.ProjectionReadOnly()
            .Where(p => p.Status == ProcessStatus.Active).ToListAsync(cancellationToken);
        var ids = processes.Select(p => p.Id).ToList();
        // Grouped by target, so each candidate is checked against its own few reminders, not every reminder there is.
        // The ids go as one array parameter, not one parameter each (see ReminderDispatcher).
        var known = (await db.Reminders.AsNoTracking().Where(r => EF.Parameter(ids).Contains(r.ProcessId)).ToListAsync(cancellationToken))
            .ToLookup(r => (r.ProcessId, r.StepId, r.BodyId));

        var recorded = new List<Reminder>();
        // Nothing is recorded on a day the recipient country's offices do not work: what fell due then (a reminder missed
        // while the app was stopped) is recorded on the next working day.
        foreach (var process in processes.Where(p => !paused.Contains(p.Id) && calendars.IsWorkingDay(p.Country, clock.TodayIn(p.Country))))
        {
            var definition = versions.Get(process.DefinitionId, process.DefinitionVersion);
            recorded.AddRange(ReminderPlan.Due(process, definition, clock.TodayIn(process.Country), now, calendars)
                .Where(r => !known[(r.ProcessId, r.StepId, r.BodyId)].Any(k => RecordedReminders.Covers(k, r))));
        }
        try
        {
            await ManyRows.InsertAsync(db, recorded, cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            // Another sweep recorded the same reminders a moment ago; it will also have scheduled them.
            logger.LogInformation(ex, "A concurrent sweep recorded the same reminders");
            recorded.Clear();
        }
        if (recorded.Count > 0) logger.LogInformation("Reminder sweep recorded {Count} due reminders", recorded.Count);
        var scheduled = await dispatcher.DispatchAsync(cancellationToken);
        var digestsScheduled = await digests.PlanAsync(cancellationToken);
        await answerNotices.DispatchAsync(cancellationToken); // those a failed send or a restart left due
        return new SweepResult(recorded, scheduled, digestsScheduled.Count);
    }
}

/// <summary>What a sweep recorded as newly due, and what it handed to send jobs (nothing while SMTP is not configured).</summary>
public sealed record SweepResult(IReadOnlyList<Reminder> Recorded, IReadOnlyList<Reminder> Scheduled, int DigestsScheduled);
