using WorkingGroups.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Mail;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>
/// A body that answers through its link has no one to tell but the tracker: the country's coordinators hear of it by
/// e-mail. The notice is recorded in the answer's own transaction and handed to a send job at once; the sweep hands
/// out any a failure or a restart left due.
/// </summary>
public sealed class AnswerNotices(IDbContextFactory<AppDbContext> contexts, MailDelivery delivery, SmtpOptions smtp, IClock clock,
    ILogger<AnswerNotices> logger)
{
    /// <summary>Adds the notice to <paramref name="db"/>'s next save, the one that records the answer.</summary>
    public static void Record(AppDbContext db, Guid processId, string stepId, string bodyId, DateTime now) =>
        db.AnswerNotices.Add(new AnswerNotice { ProcessId = processId, StepId = stepId, BodyId = bodyId, Status = MailStatus.Due, CreatedAt = now });

    /// <summary>
    /// Right after an answer: hands its notice to a send job. The answer is already recorded, so a failure here must not
    /// turn the body's page into an error; the next sweep hands the notice out instead.
    /// </summary>
    public async Task SendSoonAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DispatchAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "An answer notice waits for the next sweep");
        }
    }

    /// <summary>The notices of a process, oldest first, for its page.</summary>
    public async Task<List<AnswerNotice>> ListAsync(Guid processId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AnswerNotices.AsNoTracking().Where(n => n.ProcessId == processId).OrderBy(n => n.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Hands every notice still due to a send job (none while SMTP is not configured).</summary>
    public async Task<List<long>> DispatchAsync(CancellationToken cancellationToken)
    {
        if (!smtp.IsConfigured) return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await delivery.DispatchAsync<AnswerNotice, AnswerNoticeJob>(db, clock.UtcNow,
            id => job => job.SendAsync(id, CancellationToken.None), cancellationToken);
    }
}
