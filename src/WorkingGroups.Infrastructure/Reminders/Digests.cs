using WorkingGroups.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Mail;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>
/// The weekly digest: coordinators opt in; on Mondays the sweep records one digest per subscriber for the week
/// (unique per address and week) and hands it to a send job (<see cref="MailDelivery"/>), which retries a failure.
/// </summary>
public sealed class Digests(
    IDbContextFactory<AppDbContext> contexts,
    MailDelivery delivery,
    SmtpOptions smtp,
    IClock clock)
{
    public const DayOfWeek Day = DayOfWeek.Monday;

    public async Task<bool> IsSubscribedAsync(string email, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DigestSubscriptions.AnyAsync(s => s.Email == email, cancellationToken);
    }

    public async Task SubscribeAsync(string email, string? country, bool weekly, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.DigestSubscriptions.Where(s => s.Email == email).ExecuteDeleteAsync(cancellationToken);
        if (weekly) db.DigestSubscriptions.Add(new DigestSubscription { Email = email, Country = country, SubscribedAt = clock.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records this week's digests on the digest day, then schedules every digest still due.</summary>
    public async Task<List<long>> PlanAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (today.DayOfWeek == Day)
        {
            var done = await db.Digests.Where(d => d.WeekOf == today).Select(d => d.Email).ToListAsync(cancellationToken);
            var subscribers = await db.DigestSubscriptions.Where(s => !done.Contains(s.Email)).Select(s => s.Email).ToListAsync(cancellationToken);
            db.Digests.AddRange(subscribers.Select(email => new Digest { Email = email, WeekOf = today, Status = MailStatus.Due }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // a concurrent sweep recorded them
            }
        }
        if (!smtp.IsConfigured) return [];
        return await delivery.DispatchAsync<Digest, DigestJob>(db, clock.UtcNow, id => job => job.SendAsync(id, CancellationToken.None),
            cancellationToken);
    }
}
