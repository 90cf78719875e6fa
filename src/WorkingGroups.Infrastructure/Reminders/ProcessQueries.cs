using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Reminders;

internal static class ProcessQueries
{
    /// <summary>The process projection with its steps and invitations, read-only: what reminders are computed from.</summary>
    public static IQueryable<Process> ProjectionReadOnly(this AppDbContext db) =>
        db.Processes.Include(p => p.Steps).ThenInclude(s => s.Invitations).AsSplitQuery().AsNoTracking();
}
