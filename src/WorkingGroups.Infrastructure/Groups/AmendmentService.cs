using WorkingGroups.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Groups;

public sealed record StartAmendment(string DefinitionId, DateOnly StartedOn, string? Title, IReadOnlyList<string> Withdraw);

/// <summary>Starts an amendment of a group as an ordinary process and remembers which group, and which bodies leave.</summary>
public sealed class AmendmentService(IDbContextFactory<AppDbContext> contexts, ProcessService processes, DefinitionCatalog catalog, IClock clock)
{
    public async Task<(Amendment Amendment, Process Process)> StartAsync(Guid groupId, StartAmendment command, string user, CancellationToken cancellationToken)
    {
        Group group;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            group = await GroupStore.LoadGroupAsync(db, groupId, cancellationToken);
        var definition = catalog.Find(command.DefinitionId) ?? throw DomainRuleException.NotFound("definition-not-found", command.DefinitionId);
        var today = clock.TodayIn(group.Country);
        Amending.MustFit(group, definition, command.StartedOn, command.Withdraw, today);

        Amendment? amendment = null;
        var process = await processes.StartAsync(new StartProcess(definition.Id, null, command.StartedOn, command.Title), user, cancellationToken,
            alongside: (db, started) => db.Add(amendment = new Amendment
            {
                ProcessId = started.Id, GroupId = groupId, Withdraw = command.Withdraw.Distinct().ToList(),
                CreatedAt = clock.UtcNow, CreatedBy = user,
            }));
        return (amendment!, process);
    }

    public async Task<List<Amendment>> ListAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken)) throw DomainRuleException.NotFound("group-not-found", groupId);
        return await db.Set<Amendment>().AsNoTracking().Where(a => a.GroupId == groupId).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
    }
}
