using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>
/// Sends one reminder: claim it (only one job can), re-check that it is still worth sending, send, mark it sent.
/// Retries are ours, bounded by Reminders:MaxAttempts, so every failure is recorded on the reminder itself.
/// </summary>
public sealed class ReminderJob(
    IDbContextFactory<AppDbContext> contexts,
    DefinitionVersions versions,
    AnswerLinks links,
    MailSender sender,
    SmtpOptions smtp,
    ReminderOptions options,
    ReminderDispatcher dispatcher,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<ReminderJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task SendAsync(long reminderId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - dispatcher.StaleAfter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Reminders
            .Where(r => r.Id == reminderId && (r.Status == ReminderStatus.Due || r.Status == ReminderStatus.Scheduled
                                               || (r.Status == ReminderStatus.Sending && r.ClaimedAt < stale)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ReminderStatus.Sending)
                .SetProperty(r => r.ClaimedAt, now)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken);
        if (claimed == 0) return; // sent, cancelled or being sent by another job

        var reminder = await db.Reminders.SingleAsync(r => r.Id == reminderId, cancellationToken);
        var process = await db.ProjectionReadOnly()
            .SingleOrDefaultAsync(p => p.Id == reminder.ProcessId, cancellationToken);
        var paused = await db.ReminderPauses.AnyAsync(p => p.ProcessId == reminder.ProcessId, cancellationToken);
        if (process is null || !ReminderPlan.StillRelevant(reminder, process))
        {
            reminder.Status = ReminderStatus.Cancelled;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        if (paused || !smtp.IsConfigured)
        {
            reminder.Status = ReminderStatus.Due; // waits for resume, or for SMTP
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var definition = versions.Get(process.DefinitionId, process.DefinitionVersion);
        var coordinators = await Coordinators.OfAsync(db, process.Country, cancellationToken);
        var (link, expires) = Link(reminder, process);
        var message = ReminderMail.Compose(reminder, new MailFacts(process, definition, coordinators, link, expires, DateOnly.FromDateTime(now)), smtp.From);
        reminder.Recipients = string.Join(", ", message.To.Mailboxes.Select(m => m.Address));
        reminder.Language = ReminderMail.LanguageOf(message);
        reminder.MessageId = message.MessageId;
        if (message.To.Count == 0)
        {
            reminder.Status = ReminderStatus.Failed;
            reminder.LastError = "No recipient: the body has no contact and the country has no coordinator.";
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await FailedAsync(db, reminder, ex, now, cancellationToken);
            return;
        }
        reminder.Status = ReminderStatus.Sent;
        reminder.SentAt = clock.GetUtcNow().UtcDateTime;
        reminder.LastError = null;
        // A crash before this commit sends the same message again later, with the same Message-ID.
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Reminder {ReminderId} ({Kind}) for {BodyId} in step {StepId} sent", reminder.Id, reminder.Kind, reminder.BodyId, reminder.StepId);
    }

    private (string? Link, DateTime? Expires) Link(Reminder reminder, Process process)
    {
        if (reminder.Kind is ReminderKind.Escalation or ReminderKind.Overdue) return (null, null);
        var invitation = process.Step(reminder.StepId)?.Invitations.FirstOrDefault(i => i.BodyId == reminder.BodyId);
        if (invitation is null) return (null, null);
        var token = links.Token(process.Id, reminder.StepId, reminder.BodyId, invitation.Version);
        return (links.Url(token), links.Read(token).Ticket!.ExpiresAt);
    }

    private async Task FailedAsync(AppDbContext db, Reminder reminder, Exception ex, DateTime now, CancellationToken cancellationToken)
    {
        var error = $"{ex.GetType().Name}: {ex.Message}";
        reminder.LastError = error.Length > 2000 ? error[..2000] : error;
        if (reminder.Attempts >= options.MaxAttempts)
        {
            reminder.Status = ReminderStatus.Failed;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogError(ex, "Reminder {ReminderId} failed after {Attempts} attempts", reminder.Id, reminder.Attempts);
            // Thrown so that the Hangfire dashboard shows the job as failed as well.
            throw new ReminderDeliveryException($"Reminder {reminder.Id} failed after {reminder.Attempts} attempts: {reminder.LastError}", ex);
        }
        reminder.Status = ReminderStatus.Scheduled;
        reminder.ScheduledAt = now;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Reminder {ReminderId}: attempt {Attempt} failed ({Error}); retrying in {Delay}", reminder.Id, reminder.Attempts, reminder.LastError, options.RetryDelay);
        var id = reminder.Id;
        jobs.Schedule<ReminderJob>(job => job.SendAsync(id, CancellationToken.None), options.RetryDelay);
    }
}

public sealed class ReminderDeliveryException(string message, Exception inner) : Exception(message, inner);
