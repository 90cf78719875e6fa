using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Mail;

/// <summary>A kind of e-mail the outbox sends (see <see cref="MailModule.AddMailKind{TMail}"/>).</summary>
internal abstract class MailKind
{
    internal abstract Task<int> ReleaseUnfinishedAsync(MailDelivery delivery, CancellationToken cancellationToken);
}

internal sealed class MailKind<TMail> : MailKind where TMail : class, IOutgoingMail
{
    internal override Task<int> ReleaseUnfinishedAsync(MailDelivery delivery, CancellationToken cancellationToken) =>
        delivery.ReleaseLeftoversAsync<TMail>(cancellationToken);
}

/// <summary>
/// Releases the e-mail of every kind a killed run left claimed (see <see cref="MailDelivery.ReleaseLeftoversAsync{TMail}"/>),
/// before the Hangfire server can claim any.
/// </summary>
internal sealed class ReleaseUnfinishedMail(
    IEnumerable<MailKind> kinds, MailDelivery delivery, DatabaseOptions database, ILogger<ReleaseUnfinishedMail> logger) : IStartupWork
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // On PostgreSQL another instance may be sending right now: its claims are not leftovers. There a claim of a
        // dead instance is handed out again once it is stale (ReminderOptions.StaleAfter).
        if (database.IsPostgres) return;
        var released = 0;
        foreach (var kind in kinds) released += await kind.ReleaseUnfinishedAsync(delivery, cancellationToken);
        if (released > 0) logger.LogWarning("{Count} e-mails left unfinished by the previous run are due again", released);
    }
}
