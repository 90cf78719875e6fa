using WorkingGroups.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Groups;

/// <summary>An established establishment process founds its group, once.</summary>
internal sealed class FoundGroup(DefinitionVersions versions, IClock clock) : IOnEstablished
{
    public async Task ApplyAsync(AppDbContext db, Process process, CancellationToken cancellationToken)
    {
        var definition = versions.Get(process.DefinitionId, process.DefinitionVersion);
        if (definition.Kind != DefinitionKind.Establishment) return;
        if (await db.Groups.AnyAsync(g => g.EstablishedBy == process.Id, cancellationToken)) return;
        db.Groups.Add(GroupFounding.Found(process, definition, clock.UtcNow));
    }
}
