using WorkingGroups.Infrastructure.Texts;
using WorkingGroups.Infrastructure.Attention;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Calendars;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Mail;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>
/// Sends one weekly digest through <see cref="MailDelivery"/>, as the reminders and group notices go: claimed once,
/// composed from today's projection in the coordinator's language, sent, marked; a failure is retried.
/// </summary>
internal sealed class DigestJob(MailDelivery delivery, DefinitionVersions versions, SmtpOptions smtp, ReminderOptions options, TextCatalog texts,
    AttentionService attention, WorkingCalendars calendars, IClock clock)
{
    [AutomaticRetry(Attempts = 0)]
    public Task SendAsync(long digestId, CancellationToken cancellationToken) =>
        delivery.SendAsync<Digest, DigestJob>(digestId, ComposeAsync, job => job.SendAsync(digestId, CancellationToken.None), cancellationToken);

    private async Task<MimeMessage?> ComposeAsync(AppDbContext db, Digest digest, DateTime now, CancellationToken cancellationToken)
    {
        var subscription = await db.DigestSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Email == digest.Email, cancellationToken);
        if (subscription is null)
        {
            digest.Status = MailStatus.Cancelled; // unsubscribed since it was recorded
            return null;
        }
        var processes = await db.ProjectionReadOnly()
            .Where(p => p.Status == ProcessStatus.Active && (subscription.Country == null || p.Country == subscription.Country))
            .OrderBy(p => p.Country).ThenBy(p => p.StartedOn).ToListAsync(cancellationToken);
        var email = digest.Email.ToUpperInvariant();
        var language = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Language).FirstOrDefaultAsync(cancellationToken);
        // The digest's own date is its country's (UTC across countries); each process counts on its own country's.
        var today = subscription.Country is { } country ? clock.TodayIn(country) : DateOnly.FromDateTime(now);
        var groups = await attention.GroupConcernsAsync(subscription.Country, today, cancellationToken);
        return DigestMail.Compose(digest, processes.Select(p => (p, versions.Get(p.DefinitionId, p.DefinitionVersion))).ToList(), groups,
            today, smtp.From, $"{options.BaseUrl}/", texts, AppUser.KnownLanguage(language),
            (p, d) => (clock.TodayIn(p.Country), calendars.RulerFor(d)),
            versions.GroupNameOf);
    }
}
