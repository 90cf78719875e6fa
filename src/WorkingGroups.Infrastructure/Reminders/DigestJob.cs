using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>
/// Sends one weekly digest: claim, compose from today's projection in the coordinator's language, send, mark. A failure
/// waits for the next sweep.
/// </summary>
public sealed class DigestJob(
    IDbContextFactory<AppDbContext> contexts,
    DefinitionVersions versions,
    MailSender sender,
    SmtpOptions smtp,
    ReminderOptions options,
    TimeProvider clock,
    ILogger<DigestJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task SendAsync(long digestId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Digests
            .Where(d => d.Id == digestId && (d.Status == ReminderStatus.Due || d.Status == ReminderStatus.Scheduled))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, ReminderStatus.Sending).SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
        if (claimed == 0) return;
        var digest = await db.Digests.SingleAsync(d => d.Id == digestId, cancellationToken);
        var subscription = await db.DigestSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Email == digest.Email, cancellationToken);
        if (subscription is null)
        {
            digest.Status = ReminderStatus.Cancelled;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var processes = await db.ProjectionReadOnly()
            .Where(p => p.Status == ProcessStatus.Active && (subscription.Country == null || p.Country == subscription.Country))
            .OrderBy(p => p.Country).ThenBy(p => p.StartedOn).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var email = digest.Email.ToUpperInvariant();
        var language = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Language).FirstOrDefaultAsync(cancellationToken);
        var message = DigestMail.Compose(digest, processes.Select(p => (p, versions.Get(p.DefinitionId, p.DefinitionVersion))).ToList(), today, smtp.From,
            AppUser.KnownLanguage(language));
        digest.MessageId = message.MessageId;
        try
        {
            await sender.SendAsync(message, cancellationToken);
            digest.Status = ReminderStatus.Sent;
            digest.SentAt = clock.GetUtcNow().UtcDateTime;
            digest.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            digest.LastError = $"{ex.GetType().Name}: {ex.Message}";
            digest.Status = digest.Attempts >= options.MaxAttempts ? ReminderStatus.Failed : ReminderStatus.Due;
            logger.LogWarning("Weekly digest {DigestId} attempt {Attempt} failed: {Error}", digest.Id, digest.Attempts, digest.LastError);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
