using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Groups;

/// <summary>
/// An established membership-change process amends its group. Started from a group, it names that group; started
/// like any process (the process pages), it amends its country's group established before its approval.
/// </summary>
internal sealed class AmendGroup(DefinitionVersions versions) : IOnEstablished
{
    public async Task ApplyAsync(AppDbContext db, Process process, CancellationToken cancellationToken)
    {
        var definition = versions.Get(process.DefinitionId, process.DefinitionVersion);
        if (definition.Kind != DefinitionKind.MembershipChange) return;
        var amendment = await db.Set<Amendment>().SingleOrDefaultAsync(a => a.ProcessId == process.Id, cancellationToken);
        var groupId = amendment?.GroupId ?? await db.Groups
            .Where(g => g.Country == process.Country && g.EstablishedOn <= process.EstablishedOn)
            .OrderByDescending(g => g.EstablishedOn).Select(g => (Guid?)g.Id).FirstOrDefaultAsync(cancellationToken);
        if (groupId is null) return;
        var group = await GroupStore.LoadGroupAsync(db, groupId.Value, cancellationToken, tracked: true);
        Amending.Apply(group, process, definition, amendment?.Withdraw ?? []);
    }
}
