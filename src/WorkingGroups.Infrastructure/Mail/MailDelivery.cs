using System.Linq.Expressions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;

namespace WorkingGroups.Infrastructure.Mail;

/// <summary>
/// What the send jobs of process reminders and group notices share: claim the e-mail (only one job can), let the job
/// compose it, send it, record it as sent; and after any failure following the claim, put it back in the queue with
/// its error and a retry, so that nothing stays claimed until it counts as stale.
/// </summary>
public sealed class MailDelivery(
    IDbContextFactory<AppDbContext> contexts,
    MailSender sender,
    ReminderOptions options,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<MailDelivery> logger)
{
    /// <summary>
    /// Composes the claimed e-mail, or returns null when there is nothing to send (the mail's status then says why:
    /// cancelled, due again, failed). Runs on the job's context, which is saved afterwards either way.
    /// </summary>
    public delegate Task<MimeMessage?> Compose<in TMail>(AppDbContext db, TMail mail, DateTime now, CancellationToken cancellationToken);

    /// <param name="retry">The job to run again after <see cref="ReminderOptions.RetryDelay"/>, should this attempt fail.</param>
    public async Task SendAsync<TMail, TJob>(long id, Compose<TMail> compose, Expression<Func<TJob, Task>> retry, CancellationToken cancellationToken)
        where TMail : class, IOutgoingMail
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - options.StaleAfter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A job Hangfire runs twice, or one handed out again after a restart, finds the mail claimed or sent and stops here.
        var claimed = await db.Set<TMail>()
            .Where(m => m.Id == id && (m.Status == MailStatus.Due || m.Status == MailStatus.Scheduled
                                       || (m.Status == MailStatus.Sending && m.ClaimedAt < stale)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, MailStatus.Sending)
                .SetProperty(m => m.ClaimedAt, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        if (claimed == 0) return;

        var accepted = false;
        try
        {
            var mail = await db.Set<TMail>().SingleAsync(m => m.Id == id, cancellationToken);
            var message = await compose(db, mail, now, cancellationToken);
            if (message is null)
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            mail.MessageId = message.MessageId;
            await sender.SendAsync(message, cancellationToken, async () =>
            {
                accepted = true;
                MarkSent(mail);
                // A crash before this commit sends the same message again after the restart, with the same Message-ID.
                await db.SaveChangesAsync(CancellationToken.None);
            });
            logger.LogInformation("{Mail} {Id} sent", typeof(TMail).Name, id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await RetryLaterAsync<TMail, TJob>(id, ex, accepted, retry, cancellationToken);
        }
    }

    private void MarkSent(IOutgoingMail mail)
    {
        mail.Status = MailStatus.Sent;
        mail.SentAt = clock.GetUtcNow().UtcDateTime;
        mail.LastError = null;
    }

    /// <summary>
    /// Gives each mail that is ready (due, or handed out so long ago that its job was lost) a send job, and returns their
    /// ids. Each is handed out by a conditional update, so two sweeps at once (the recurring job and the start-up one)
    /// never both hand it out.
    /// </summary>
    public async Task<List<long>> DispatchAsync<TMail, TJob>(AppDbContext db, DateTime now, Func<long, Expression<Func<TJob, Task>>> job,
        CancellationToken cancellationToken) where TMail : class, IOutgoingMail
    {
        var stale = now - options.StaleAfter;
        var ready = await db.Set<TMail>().Where(Ready<TMail>(stale)).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        var handedOut = new List<long>();
        foreach (var id in ready)
        {
            if (await db.Set<TMail>().Where(m => m.Id == id).Where(Ready<TMail>(stale))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.Scheduled).SetProperty(m => m.ClaimedAt, now), cancellationToken) == 0)
                continue;
            jobs.Enqueue(job(id));
            handedOut.Add(id);
        }
        return handedOut;
    }

    private static Expression<Func<TMail, bool>> Ready<TMail>(DateTime stale) where TMail : IOutgoingMail =>
        m => m.Status == MailStatus.Due || (m.Status == MailStatus.Scheduled && m.ClaimedAt < stale)
             || (m.Status == MailStatus.Sending && m.ClaimedAt < stale);

    /// <summary>
    /// At start-up, before Hangfire's workers run: every mail still claimed or handed to a job was left so by the
    /// previous run, which died first (one app process per data folder, so nothing else can hold it). Back to due, so the
    /// start-up sweep sends it at once instead of once it is stale (ten minutes; Hangfire gives up on a fetched job
    /// after thirty). A second job for it, left in Hangfire's queue, finds it claimed or sent and stops.
    /// </summary>
    public async Task<int> ReleaseLeftoversAsync<TMail>(CancellationToken cancellationToken) where TMail : class, IOutgoingMail
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<TMail>().Where(m => m.Status == MailStatus.Scheduled || m.Status == MailStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.Due), cancellationToken);
    }

    /// <summary>On a fresh context: the job's own may be what failed (the database busy under load).</summary>
    private async Task RetryLaterAsync<TMail, TJob>(long id, Exception ex, bool accepted, Expression<Func<TJob, Task>> retry, CancellationToken cancellationToken)
        where TMail : class, IOutgoingMail
    {
        var name = typeof(TMail).Name;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mail = await db.Set<TMail>().SingleAsync(m => m.Id == id, cancellationToken);
        if (mail.Status != MailStatus.Sending) return; // it was recorded as sent, cancelled or failed before the error
        if (accepted)
        {
            // The server took it and only our record failed: record it now rather than send it a second time.
            MarkSent(mail);
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("{Mail} {Id} sent; recorded at the second try ({Error})", name, id, ex.Message);
            return;
        }
        var error = $"{ex.GetType().Name}: {ex.Message}";
        mail.LastError = error.Length > 2000 ? error[..2000] : error;
        if (mail.Attempts >= options.MaxAttempts)
        {
            mail.Status = MailStatus.Failed;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogError(ex, "{Mail} {Id} failed after {Attempts} attempts", name, id, mail.Attempts);
            // Thrown so that the Hangfire dashboard shows the job as failed as well.
            throw new MailDeliveryException($"{name} {id} failed after {mail.Attempts} attempts: {mail.LastError}", ex);
        }
        mail.Requeue(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("{Mail} {Id}: attempt {Attempt} failed ({Error}); retrying in {Delay}", name, id, mail.Attempts, mail.LastError, options.RetryDelay);
        jobs.Schedule(retry, options.RetryDelay);
    }
}

internal sealed class MailDeliveryException(string message, Exception inner) : Exception(message, inner);
