using Hangfire;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using WorkingGroups.Infrastructure.Texts;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Infrastructure.Mail;

namespace WorkingGroups.Infrastructure.Groups.Notices;

/// <summary>
/// Sends one group notice: claim it (only one job can), re-check that it still matters (the meeting is ahead, the item
/// unfinished), send, mark it sent, through <see cref="MailDelivery"/>, as the process reminders are. Failures are
/// retried up to Reminders:MaxAttempts.
/// </summary>
internal sealed class GroupNoticeJob(
    MailDelivery delivery,
    DefinitionVersions versions,
    SmtpOptions smtp,
    TextCatalog texts)
{
    [AutomaticRetry(Attempts = 0)]
    public Task SendAsync(long noticeId, CancellationToken cancellationToken) =>
        delivery.SendAsync<GroupNotice, GroupNoticeJob>(noticeId, ComposeAsync, job => job.SendAsync(noticeId, CancellationToken.None), cancellationToken);

    private async Task<MimeMessage?> ComposeAsync(AppDbContext db, GroupNotice notice, DateTime now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now);
        var facts = await FactsAsync(db, notice, today, cancellationToken);
        if (facts is null || !StillRelevant(notice, facts, today))
        {
            notice.Status = MailStatus.Cancelled;
            return null;
        }
        var definition = versions.Find(facts.Group.DefinitionId, facts.Group.DefinitionVersion);
        var coordinators = await Coordinators.OfAsync(db, facts.Group.Country, cancellationToken);
        var to = NoticeRecipients.For(notice, facts, definition, coordinators);
        var message = GroupNoticeMail.Compose(notice, facts, definition, to, smtp.From, texts);
        notice.Recipients = string.Join(", ", to.To.Concat(to.Cc));
        if (to.To.Count == 0)
        {
            notice.Status = MailStatus.Failed;
            notice.LastError = "No recipient: nobody to reach in the group and no coordinator in the country.";
            return null;
        }
        return message;
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
