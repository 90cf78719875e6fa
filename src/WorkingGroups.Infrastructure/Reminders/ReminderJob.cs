using Hangfire;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using WorkingGroups.Infrastructure.Texts;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Mail;

using WorkingGroups.Infrastructure.Calendars;
using WorkingGroups.Infrastructure.Hosting;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>
/// Sends one reminder through <see cref="MailDelivery"/>: claimed once, re-checked (still worth sending, not paused),
/// sent, marked sent. Retries are ours, bounded by Reminders:MaxAttempts, so every failure is recorded on the reminder itself.
/// </summary>
internal sealed class ReminderJob(
    MailDelivery delivery,
    DefinitionVersions versions,
    AnswerLinks links,
    SmtpOptions smtp,
    TextCatalog texts,
    WorkingCalendars calendars,
    IClock clock)
{
    [AutomaticRetry(Attempts = 0)]
    public Task SendAsync(long reminderId, CancellationToken cancellationToken) =>
        delivery.SendAsync<Reminder, ReminderJob>(reminderId, ComposeAsync, job => job.SendAsync(reminderId, CancellationToken.None), cancellationToken);

    private async Task<MimeMessage?> ComposeAsync(AppDbContext db, Reminder reminder, DateTime now, CancellationToken cancellationToken)
    {
        var process = await db.ProjectionReadOnly()
            .SingleOrDefaultAsync(p => p.Id == reminder.ProcessId, cancellationToken);
        var paused = await db.ReminderPauses.AnyAsync(p => p.ProcessId == reminder.ProcessId, cancellationToken);
        if (process is null || !ReminderPlan.StillRelevant(reminder, process))
        {
            reminder.Status = MailStatus.Cancelled;
            return null;
        }
        if (paused || !smtp.IsConfigured)
        {
            reminder.Status = MailStatus.Due; // waits for resume, or for SMTP
            return null;
        }

        var definition = versions.Get(process.DefinitionId, process.DefinitionVersion);
        var coordinators = await Coordinators.OfAsync(db, process.Country, cancellationToken);
        var (link, expires) = Link(reminder, process);
        var message = ReminderMail.Compose(reminder, new MailFacts(process, definition, coordinators, link, expires, clock.TodayIn(process.Country), texts)
            { Ruler = calendars.RulerFor(definition) }, smtp.From);
        reminder.Recipients = string.Join(", ", message.To.Mailboxes.Select(m => m.Address));
        reminder.Language = ReminderMail.LanguageOf(message);
        if (message.To.Count == 0)
        {
            reminder.Status = MailStatus.Failed;
            reminder.LastError = "No recipient: the body has no contact and the country has no coordinator.";
            return null;
        }
        return message;
    }

    private (string? Link, DateTime? Expires) Link(Reminder reminder, Process process)
    {
        if (reminder.Kind is ReminderKind.Escalation or ReminderKind.Overdue) return (null, null);
        var invitation = process.Step(reminder.StepId)?.Invitations.FirstOrDefault(i => i.BodyId == reminder.BodyId);
        if (invitation is null) return (null, null);
        var token = links.Token(process.Id, reminder.StepId, reminder.BodyId, invitation.Version);
        return (links.Url(token), links.Read(token).Ticket!.ExpiresAt);
    }
}
