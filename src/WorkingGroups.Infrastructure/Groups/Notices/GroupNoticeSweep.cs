using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Calendars;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Infrastructure.Settings;
using WorkingGroups.Infrastructure.Mail;

namespace WorkingGroups.Infrastructure.Groups.Notices;

/// <summary>
/// Records what is due about every group today (meeting invitations and reminders, the annual meeting, Work Plan
/// deadlines), then gives each due notice its own send job, as the process reminders do.
/// </summary>
public sealed class GroupNoticeSweep(
    IDbContextFactory<AppDbContext> contexts,
    MailDelivery delivery,
    SmtpOptions smtp,
    IConfiguration configuration,
    IClock clock,
    WorkingCalendars calendars,
    ILogger<GroupNoticeSweep> logger)
{
    public NoticeDays Days { get; } = SettingsReader.Use(configuration, ReadDays);

    public static NoticeDays ReadDays(SettingsReader read) =>
        new(read.Number("Groups:MeetingReminderDays", 7, 0, 365), read.Number("Groups:ItemReminderDays", 14, 0, 365));

    public async Task<List<GroupNotice>> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var groups = await GroupStore.Query(db).AsNoTracking().ToListAsync(cancellationToken);
        var meetings = await db.Set<Meeting>().AsNoTracking().ToListAsync(cancellationToken);
        var plans = await db.Set<WorkPlan>().AsNoTracking().Include(p => p.Items).ToListAsync(cancellationToken);
        var known = (await db.Set<GroupNotice>().AsNoTracking().ToListAsync(cancellationToken)).Select(n => n.Key).ToHashSet();

        // Each group on its own country's date, and nothing on a day its offices do not work: what falls due then is
        // recorded on the next working day (the plan catches up on everything due by its day).
        var recorded = groups.Where(g => calendars.IsWorkingDay(g.Country, clock.TodayIn(g.Country)))
            .SelectMany(g => GroupNoticePlan.Due(g, meetings.Where(m => m.GroupId == g.Id).ToList(),
                plans.Where(p => p.GroupId == g.Id).ToList(), Days, clock.TodayIn(g.Country), now))
            .Where(n => known.Add(n.Key)).ToList();
        db.AddRange(recorded);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "A concurrent sweep recorded the same group notices");
            recorded.Clear();
            db.ChangeTracker.Clear(); // the refused rows must not be inserted again below
        }
        if (recorded.Count > 0) logger.LogInformation("Group sweep recorded {Count} due notices", recorded.Count);
        await DispatchAsync(db, now, cancellationToken);
        return recorded;
    }

    /// <summary>Each due notice (or one whose job was lost) gets a send job; nothing while SMTP is not configured.</summary>
    private async Task DispatchAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        if (!smtp.IsConfigured) return;
        await delivery.DispatchAsync<GroupNotice, GroupNoticeJob>(db, now, id => job => job.SendAsync(id, CancellationToken.None), cancellationToken);
    }
}
