using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Groups;

/// <summary>Loading and saving what the group services share: a group with its dated composition, a save refused on a concurrent change.</summary>
internal static class GroupStore
{
    public static IQueryable<Group> Query(AppDbContext db) => db.Groups
        .Include(g => g.Memberships.OrderBy(m => m.Id))
        .Include(g => g.BodyNames.OrderBy(n => n.Id))
        .Include(g => g.Representatives.OrderBy(r => r.Id))
        .AsSplitQuery();

    public static async Task<Group> LoadGroupAsync(AppDbContext db, Guid groupId, CancellationToken cancellationToken, bool tracked = false) =>
        await (tracked ? Query(db) : Query(db).AsNoTracking()).SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken)
        ?? throw DomainRuleException.NotFound("group-not-found", groupId);

    public static async Task SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainRuleException.Conflict("concurrent-change");
        }
    }
}
