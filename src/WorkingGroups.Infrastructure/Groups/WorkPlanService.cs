using WorkingGroups.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Groups;

/// <summary>A group's Work Plans: a draft per year (with last year's unfinished items carried over), items, adoption at a meeting.</summary>
public sealed class WorkPlanService(IDbContextFactory<AppDbContext> contexts, IClock clock)
{
    /// <summary>Today in UTC, for views of several groups; a group's own rules use its country's today.</summary>
    public DateOnly Today => clock.Today;

    private DateOnly TodayOf(Group group) => clock.TodayIn(group.Country);

    private async Task<DateOnly> TodayOfAsync(AppDbContext db, Guid groupId, CancellationToken cancellationToken) =>
        clock.TodayIn(await GroupStore.Query(db).Where(g => g.Id == groupId).Select(g => g.Country).FirstOrDefaultAsync(cancellationToken) ?? "");

    public async Task<List<WorkPlan>> ListAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken)) throw DomainRuleException.NotFound("group-not-found", groupId);
        return await Plans(db).AsNoTracking().Where(p => p.GroupId == groupId).OrderBy(p => p.Year).ToListAsync(cancellationToken);
    }

    public async Task<WorkPlan> GetAsync(Guid groupId, Guid planId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, groupId, planId, cancellationToken, tracked: false);
    }

    /// <summary>The year's draft; the previous year's unfinished items move into it and are marked carried over there.</summary>
    public async Task<WorkPlan> CreateAsync(Guid groupId, int year, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var group = await GroupStore.LoadGroupAsync(db, groupId, cancellationToken);
        WorkPlanRules.Year(group, year, TodayOf(group));
        if (await db.Set<WorkPlan>().AnyAsync(p => p.GroupId == groupId && p.Year == year, cancellationToken))
            throw DomainRuleException.Conflict("plan-exists", year);
        var previous = await Plans(db).SingleOrDefaultAsync(p => p.GroupId == groupId && p.Year == year - 1, cancellationToken);
        var plan = CarryOver.NextYear(groupId, year, previous, clock.UtcNow);
        db.Add(plan);
        await GroupStore.SaveAsync(db, cancellationToken);
        return plan;
    }

    public async Task<WorkPlan> AddItemAsync(Guid groupId, Guid planId, AddWorkItem command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var group = await GroupStore.LoadGroupAsync(db, groupId, cancellationToken);
        var plan = await LoadAsync(db, groupId, planId, cancellationToken);
        var item = WorkPlanRules.NewItem(group, plan, command, TodayOf(group));
        plan.Items.Add(item);
        db.Add(item); // a new child with a set key: EF would otherwise take it for an existing row
        plan.Version = Guid.NewGuid();
        await GroupStore.SaveAsync(db, cancellationToken);
        return plan;
    }

    public async Task<WorkPlan> UpdateItemAsync(Guid groupId, Guid planId, Guid itemId, UpdateWorkItem command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await LoadAsync(db, groupId, planId, cancellationToken);
        WorkPlanRules.Update(plan, plan.Item(itemId), command, await TodayOfAsync(db, groupId, cancellationToken));
        await GroupStore.SaveAsync(db, cancellationToken);
        return plan;
    }

    /// <summary>Removes an item entered by mistake from a draft plan; audited like a removed meeting.</summary>
    public async Task<WorkPlan> RemoveItemAsync(Guid groupId, Guid planId, Guid itemId, string user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var group = await GroupStore.LoadGroupAsync(db, groupId, cancellationToken);
        var plan = await LoadAsync(db, groupId, planId, cancellationToken);
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.GroupId == groupId).ToListAsync(cancellationToken);
        var item = plan.RemoveItem(itemId, meetings);
        db.Remove(item);
        await GroupAudit.CancelNoticesAsync(db, item.Id, cancellationToken);
        GroupAudit.Record(db, group, clock, user, "work-item-removed", new
        {
            PlanId = plan.Id, plan.Year, item.Id, item.Number, item.Title, item.ResponsibleBodyId, item.CoImplementers, item.Deadline,
            item.Status, item.DoneOn, item.Evidence,
        });
        await GroupStore.SaveAsync(db, cancellationToken);
        return plan;
    }

    public async Task<WorkPlan> AdoptAsync(Guid groupId, Guid planId, Guid meetingId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await LoadAsync(db, groupId, planId, cancellationToken);
        var meeting = await db.Set<Meeting>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId && m.GroupId == groupId, cancellationToken)
            ?? throw DomainRuleException.Invalid("meetingId", "meeting-not-found", meetingId);
        plan.Adopt(meeting, await TodayOfAsync(db, groupId, cancellationToken));
        await GroupStore.SaveAsync(db, cancellationToken);
        return plan;
    }

    private static IQueryable<WorkPlan> Plans(AppDbContext db) => db.Set<WorkPlan>().Include(p => p.Items.OrderBy(i => i.Number));

    private static async Task<WorkPlan> LoadAsync(AppDbContext db, Guid groupId, Guid planId, CancellationToken cancellationToken, bool tracked = true) =>
        await (tracked ? Plans(db) : Plans(db).AsNoTracking()).SingleOrDefaultAsync(p => p.Id == planId && p.GroupId == groupId, cancellationToken)
        ?? throw DomainRuleException.NotFound("plan-not-found", planId);
}
