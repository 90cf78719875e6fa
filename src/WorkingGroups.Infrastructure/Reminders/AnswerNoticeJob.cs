using Hangfire;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using WorkingGroups.Infrastructure.Texts;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Mail;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>Sends one answer notice through <see cref="MailDelivery"/>, as the reminders go: claimed once, composed, sent, marked.</summary>
internal sealed class AnswerNoticeJob(MailDelivery delivery, DefinitionVersions versions, SmtpOptions smtp, ReminderOptions options, TextCatalog texts)
{
    [AutomaticRetry(Attempts = 0)]
    public Task SendAsync(long noticeId, CancellationToken cancellationToken) =>
        delivery.SendAsync<AnswerNotice, AnswerNoticeJob>(noticeId, ComposeAsync, job => job.SendAsync(noticeId, CancellationToken.None), cancellationToken);

    private async Task<MimeMessage?> ComposeAsync(AppDbContext db, AnswerNotice notice, DateTime now, CancellationToken cancellationToken)
    {
        var process = await db.ProjectionReadOnly().SingleOrDefaultAsync(p => p.Id == notice.ProcessId, cancellationToken);
        var step = process?.Step(notice.StepId);
        var invitation = step?.Invitations.FirstOrDefault(i => i.BodyId == notice.BodyId);
        if (process is null || step is null || invitation?.Status is not (InvitationStatus.Accepted or InvitationStatus.Declined))
        {
            notice.Status = MailStatus.Cancelled; // the answer is no longer there to announce
            return null;
        }
        if (!smtp.IsConfigured)
        {
            notice.Status = MailStatus.Due;
            return null;
        }
        var coordinators = await Coordinators.WithLanguagesAsync(db, process.Country, cancellationToken);
        if (coordinators.Count == 0)
        {
            notice.Status = MailStatus.Failed;
            notice.LastError = "No recipient: the country has no coordinator.";
            return null;
        }
        var to = coordinators.Select(c => c.Email).ToList();
        notice.Recipients = string.Join(", ", to);
        // In the language every coordinator chose, where they agree; in both, Russian first, where they do not.
        var language = coordinators.Select(c => c.Language).Distinct().ToList() is [{ } one] ? one : null;
        var facts = new AnswerFacts(process, step, invitation, versions.Get(process.DefinitionId, process.DefinitionVersion),
            $"{options.BaseUrl}/processes/{process.Id}");
        return AnswerNoticeMail.Compose(notice, facts, to, smtp.From, texts, language);
    }
}
