using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;

namespace WorkingGroups.Infrastructure.Groups.Notices;

/// <summary>
/// Sends one group notice: claim it (only one job can), re-check that it still matters (the meeting is ahead, the item
/// unfinished), send through the app's mail sender, mark it sent. Failures are retried up to Reminders:MaxAttempts.
/// </summary>
public sealed class GroupNoticeJob(
    IDbContextFactory<AppDbContext> contexts,
    DefinitionVersions versions,
    MailSender sender,
    SmtpOptions smtp,
    ReminderOptions options,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<GroupNoticeJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task SendAsync(long noticeId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Set<GroupNotice>()
            .Where(n => n.Id == noticeId && (n.Status == ReminderStatus.Due || n.Status == ReminderStatus.Scheduled))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, ReminderStatus.Sending).SetProperty(n => n.ClaimedAt, now)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1), cancellationToken);
        if (claimed == 0) return;

        try
        {
            await SendClaimedAsync(db, noticeId, today, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever failed after the claim (the database under load as much as SMTP), the notice goes back to the
            // queue with the error, instead of sitting claimed until it counts as stale ten minutes later.
            await RetryLaterAsync(noticeId, ex, cancellationToken);
        }
    }

    private async Task SendClaimedAsync(AppDbContext db, long noticeId, DateOnly today, CancellationToken cancellationToken)
    {
        var notice = await db.Set<GroupNotice>().SingleAsync(n => n.Id == noticeId, cancellationToken);
        var facts = await FactsAsync(db, notice, today, cancellationToken);
        if (facts is null || !StillRelevant(notice, facts, today))
        {
            notice.Status = ReminderStatus.Cancelled;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var definition = versions.Find(facts.Group.DefinitionId, facts.Group.DefinitionVersion);
        var coordinators = await Coordinators.OfAsync(db, facts.Group.Country, cancellationToken);
        var to = NoticeRecipients.For(notice, facts, definition, coordinators);
        var message = GroupNoticeMail.Compose(notice, facts, to, smtp.From);
        notice.Recipients = string.Join(", ", to.To.Concat(to.Cc));
        notice.MessageId = message.MessageId;
        if (to.To.Count == 0)
        {
            notice.Status = ReminderStatus.Failed;
            notice.LastError = "No recipient: nobody to reach in the group and no coordinator in the country.";
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        await sender.SendAsync(message, cancellationToken);
        notice.Status = ReminderStatus.Sent;
        notice.SentAt = clock.GetUtcNow().UtcDateTime;
        notice.LastError = null;
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Group notice {NoticeId} ({Kind}) sent to {Count} addresses", notice.Id, notice.Kind, to.To.Count + to.Cc.Count);
    }

    private async Task RetryLaterAsync(long noticeId, Exception ex, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notice = await db.Set<GroupNotice>().SingleAsync(n => n.Id == noticeId, cancellationToken);
        if (notice.Status != ReminderStatus.Sending) return; // it was recorded as sent, cancelled or failed before the error
        var error = $"{ex.GetType().Name}: {ex.Message}";
        notice.LastError = error.Length > 2000 ? error[..2000] : error;
        notice.Status = notice.Attempts >= options.MaxAttempts ? ReminderStatus.Failed : ReminderStatus.Scheduled;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Group notice {NoticeId}: attempt {Attempt} failed ({Error})", notice.Id, notice.Attempts, notice.LastError);
        if (notice.Status == ReminderStatus.Scheduled) jobs.Schedule<GroupNoticeJob>(job => job.SendAsync(noticeId, CancellationToken.None), options.RetryDelay);
    }

    private static async Task<NoticeFacts?> FactsAsync(AppDbContext db, GroupNotice notice, DateOnly today, CancellationToken cancellationToken)
    {
        var group = await GroupStore.Query(db).AsNoTracking().SingleOrDefaultAsync(g => g.Id == notice.GroupId, cancellationToken);
        if (group is null) return null;
        var meeting = notice.Kind is NoticeKind.MeetingInvitation or NoticeKind.MeetingReminder
            ? await db.Set<Meeting>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == notice.SubjectId, cancellationToken) : null;
        var item = notice.Kind is NoticeKind.ItemDueSoon or NoticeKind.ItemOverdue
            ? await db.Set<WorkItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == notice.SubjectId, cancellationToken) : null;
        var year = item is null ? null
            : await db.Set<WorkPlan>().Where(p => p.Id == item.PlanId).Select(p => (int?)p.Year).SingleOrDefaultAsync(cancellationToken);
        return new NoticeFacts(group, meeting, item, year, today);
    }

    /// <summary>A meeting that has passed, an item done meanwhile, an annual meeting scheduled meanwhile: nothing to say.</summary>
    private static bool StillRelevant(GroupNotice notice, NoticeFacts facts, DateOnly today) => notice.Kind switch
    {
        NoticeKind.MeetingInvitation or NoticeKind.MeetingReminder => facts.Meeting is { } m && m.Date >= today,
        NoticeKind.ItemDueSoon or NoticeKind.ItemOverdue => facts.Item is { Unfinished: true },
        _ => true,
    };
}
