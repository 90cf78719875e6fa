using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Groups;

/// <summary>
/// A database from before groups existed holds established processes without a group: at start-up (after the
/// migrations) each is founded, as the engine would have done. Later starts find nothing to do.
/// </summary>
internal sealed class FoundMissingGroups(IDbContextFactory<AppDbContext> contexts, FoundGroup founder, ILogger<FoundMissingGroups> logger) : IStartupWork
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var founded = db.Groups.Select(g => g.EstablishedBy);
        var processes = await db.Processes.Include(p => p.Steps).ThenInclude(s => s.Invitations).AsSplitQuery()
            .Where(p => p.Status == ProcessStatus.Established && !founded.Contains(p.Id)).ToListAsync(cancellationToken);
        foreach (var process in processes) await founder.ApplyAsync(db, process, cancellationToken);
        var count = db.ChangeTracker.Entries<Core.Groups.Group>().Count();
        if (count == 0) return;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Founded {Count} groups of processes established before groups were kept", count);
    }
}
