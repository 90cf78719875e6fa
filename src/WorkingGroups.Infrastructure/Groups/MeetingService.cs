using WorkingGroups.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Groups;

/// <summary>A group's meetings: scheduled, then recorded (attendance, decisions, item reviews) and their minutes.</summary>
public sealed class MeetingService(IDbContextFactory<AppDbContext> contexts, IClock clock)
{
    private DateOnly TodayOf(Group group) => clock.TodayIn(group.Country);

    public async Task<List<Meeting>> ListAsync(Guid groupId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Groups.AnyAsync(g => g.Id == groupId, cancellationToken)) throw DomainRuleException.NotFound("group-not-found", groupId);
        return await db.Set<Meeting>().AsNoTracking().Where(m => m.GroupId == groupId).OrderBy(m => m.Date).ThenBy(m => m.StartsAt).ToListAsync(cancellationToken);
    }

    public async Task<Meeting> GetAsync(Guid groupId, Guid meetingId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Meeting>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId && m.GroupId == groupId, cancellationToken)
            ?? throw DomainRuleException.NotFound("meeting-not-found", meetingId);
    }

    public async Task<Meeting> ScheduleAsync(Guid groupId, ScheduleMeeting command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var group = await GroupStore.LoadGroupAsync(db, groupId, cancellationToken);
        var meeting = MeetingRules.Schedule(group, command, TodayOf(group), clock.UtcNow);
        db.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return meeting;
    }

    /// <summary>Records what happened; each item review also becomes the item's status.</summary>
    public async Task<Meeting> RecordAsync(Guid groupId, Guid meetingId, RecordMeeting command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var group = await GroupStore.LoadGroupAsync(db, groupId, cancellationToken);
        var meeting = await LoadAsync(db, groupId, meetingId, cancellationToken);
        MeetingRules.Record(group, meeting, command);
        var ids = command.ItemReviews.Select(r => r.ItemId).ToList();
        var items = await db.Set<WorkItem>().Where(i => ids.Contains(i.Id))
            .Join(db.Set<WorkPlan>().Where(p => p.GroupId == groupId), i => i.PlanId, p => p.Id, (i, _) => i).ToListAsync(cancellationToken);
        if (ids.FirstOrDefault(id => items.All(i => i.Id != id)) is var missing && missing != Guid.Empty)
            throw DomainRuleException.NotFound("item-not-found", missing);
        meeting.Record(command.Attendees, command.Decisions, command.ItemReviews, TodayOf(group));
        foreach (var review in command.ItemReviews) WorkPlanRules.ApplyReview(items.Single(i => i.Id == review.ItemId), review, meeting.Date);
        await GroupStore.SaveAsync(db, cancellationToken);
        return meeting;
    }

    public async Task<Meeting> RecordMinutesAsync(Guid groupId, Guid meetingId, RecordMinutes command, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var meeting = await LoadAsync(db, groupId, meetingId, cancellationToken);
        var today = clock.TodayIn(await GroupStore.Query(db).Where(g => g.Id == groupId).Select(g => g.Country).FirstOrDefaultAsync(cancellationToken) ?? "");
        if (command.Document is { } document) ProcessRules.Document("document", document, today);
        meeting.RecordMinutes(command.Status, command.Document, command.ApprovedOn, today);
        await GroupStore.SaveAsync(db, cancellationToken);
        return meeting;
    }

    /// <summary>
    /// Removes a meeting entered by mistake. Its e-mail not yet sent is cancelled, and the removal goes into the audit of
    /// the process that established the group (groups keep no audit of their own), with what the meeting held.
    /// </summary>
    public async Task RemoveAsync(Guid groupId, Guid meetingId, string user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var group = await GroupStore.LoadGroupAsync(db, groupId, cancellationToken);
        var meeting = await LoadAsync(db, groupId, meetingId, cancellationToken);
        meeting.MustBeRemovable(await db.Set<WorkPlan>().AsNoTracking().Where(p => p.GroupId == groupId).ToListAsync(cancellationToken));
        db.Remove(meeting);
        await GroupAudit.CancelNoticesAsync(db, meeting.Id, cancellationToken);
        GroupAudit.Record(db, group, clock, user, "meeting-removed", new
        {
            meeting.Id, meeting.Kind, meeting.Date, meeting.StartsAt, meeting.TimeZone, meeting.Place, meeting.OnlineLink, meeting.Agenda,
            meeting.Attendees, meeting.Decisions, meeting.ItemReviews, meeting.Minutes, meeting.MinutesDocument,
        });
        await GroupStore.SaveAsync(db, cancellationToken);
    }

    internal static async Task<Meeting> LoadAsync(AppDbContext db, Guid groupId, Guid meetingId, CancellationToken cancellationToken) =>
        await db.Set<Meeting>().SingleOrDefaultAsync(m => m.Id == meetingId && m.GroupId == groupId, cancellationToken)
        ?? throw DomainRuleException.NotFound("meeting-not-found", meetingId);
}
