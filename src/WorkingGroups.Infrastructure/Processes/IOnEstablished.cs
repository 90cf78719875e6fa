using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Processes;

/// <summary>
/// What else follows from a process becoming established (a group is founded, a composition amended). Runs in the
/// transaction of the command that established it, so the process is never established without it.
/// </summary>
public interface IOnEstablished
{
    Task ApplyAsync(AppDbContext db, Process process, CancellationToken cancellationToken);
}
