using WorkingGroups.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Infrastructure.Groups;

/// <summary>Reads the groups and records changes of their composition (the pages and the API share it).</summary>
public sealed class GroupService(IDbContextFactory<AppDbContext> contexts, IClock clock, TextCatalog texts)
{
    /// <summary>Today in UTC, for views of several groups; a group's own rules use its country's today.</summary>
    public DateOnly Today => clock.Today;

    private DateOnly TodayOf(Group group) => clock.TodayIn(group.Country);

    public async Task<List<Group>> ListAsync(string? country, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = GroupStore.Query(db).AsNoTracking();
        if (country is not null) query = query.Where(g => g.Country == country);
        return await query.OrderBy(g => g.Country).ThenBy(g => g.EstablishedOn).ToListAsync(cancellationToken);
    }

    public async Task<Group?> FindAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await GroupStore.Query(db).AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
    }

    public async Task<Group> GetAsync(Guid groupId, CancellationToken cancellationToken) =>
        await FindAsync(groupId, cancellationToken) ?? throw DomainRuleException.NotFound("group-not-found", groupId);

    /// <summary>The e-mail about a group (meeting invitations and reminders, the annual meeting, item deadlines), newest first.</summary>
    public async Task<List<GroupNotice>> NoticesAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken)) throw DomainRuleException.NotFound("group-not-found", groupId);
        return await db.Set<GroupNotice>().AsNoTracking().Where(n => n.GroupId == groupId)
            .OrderByDescending(n => n.DueOn).ThenByDescending(n => n.Id).ToListAsync(cancellationToken);
    }

    public Task<Group> RenameBodyAsync(Guid groupId, string bodyId, RenameBody command, CancellationToken cancellationToken) =>
        ChangeAsync(groupId, group =>
        {
            GroupRules.Name("name", command.Name, texts.Languages);
            GroupRules.EffectiveDate("effectiveOn", command.EffectiveOn, TodayOf(group), group);
            group.RenameBody(bodyId, command.Name, command.EffectiveOn);
        }, cancellationToken);

    public Task<Group> ChangeRepresentativeAsync(Guid groupId, string bodyId, ChangeRepresentative command, CancellationToken cancellationToken) =>
        ChangeAsync(groupId, group =>
        {
            ProcessRules.Nominee(command.Person, required: true);
            GroupRules.EffectiveDate("effectiveOn", command.EffectiveOn, TodayOf(group), group);
            group.ChangeRepresentative(bodyId, command.Person, command.EffectiveOn);
        }, cancellationToken);

    /// <summary>Loads the group, applies a change that checks its own rules, and saves it (a concurrent change is refused).</summary>
    public async Task<Group> ChangeAsync(Guid groupId, Action<Group> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var group = await GroupStore.LoadGroupAsync(db, groupId, cancellationToken, tracked: true);
        change(group);
        await GroupStore.SaveAsync(db, cancellationToken);
        return group;
    }
}
