using Microsoft.EntityFrameworkCore;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Processes;

/// <summary>
/// Saves a change of a process together with the request's Idempotency-Key, if it has one: of two requests with the same
/// key only one can commit, and the other learns which process the first one changed.
/// </summary>
internal static class ClaimedSave
{
    public static async Task SaveAsync(AppDbContext db, IDbContextFactory<AppDbContext> contexts, Guid processId, DateTime now, CancellationToken cancellationToken)
    {
        if (IdempotencyClaim.Current is not { } claim)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        db.IdempotencyRecords.Add(claim.ToRecord(processId, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            await using var other = await contexts.CreateDbContextAsync(cancellationToken);
            var taken = await other.IdempotencyRecords.AsNoTracking()
                .SingleOrDefaultAsync(r => r.User == claim.User && r.Key == claim.Key, cancellationToken);
            if (taken is null) throw;
            throw new IdempotencyKeyTakenException(taken.ProcessId);
        }
    }
}
