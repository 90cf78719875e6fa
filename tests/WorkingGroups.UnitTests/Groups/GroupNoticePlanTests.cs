using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using static WorkingGroups.UnitTests.Groups.KazakhGroup;

namespace WorkingGroups.UnitTests.Groups;

/// <summary>What is due about a group on a date: meeting invitations and reminders, the annual meeting, item deadlines.</summary>
public sealed class GroupNoticePlanTests
{
    private static readonly NoticeDays Days = new(BeforeMeeting: 7, BeforeDeadline: 14);

    private static Meeting Meeting(MeetingKind kind, string date, string scheduledOn) => new()
    {
        Id = Guid.NewGuid(), Kind = kind, Date = D(date), TimeZone = "Asia/Almaty", CreatedAt = D(scheduledOn).ToDateTime(TimeOnly.MinValue),
    };

    private static List<NoticeKind> Due(Group group, IReadOnlyList<Meeting> meetings, IReadOnlyList<WorkPlan> plans, string today) =>
        GroupNoticePlan.Due(group, meetings, plans, Days, D(today), DateTime.UtcNow).Select(n => n.Kind).ToList();

    [Fact]
    public void A_scheduled_meeting_is_announced_at_once_and_recalled_a_week_before()
    {
        var group = Founded();
        var meeting = Meeting(MeetingKind.Interim, "2026-04-15", "2026-03-02");
        Assert.Equal([NoticeKind.MeetingInvitation], Due(group, [meeting], [], "2026-03-02"));
        Assert.Equal([NoticeKind.MeetingInvitation, NoticeKind.MeetingReminder], Due(group, [meeting], [], "2026-04-08"));
        Assert.Empty(Due(group, [meeting], [], "2026-04-16")); // past: nothing more to say
        var late = Meeting(MeetingKind.Interim, "2026-04-15", "2026-04-12"); // scheduled inside the week: the invitation is enough
        Assert.Equal([NoticeKind.MeetingInvitation], Due(group, [late], [], "2026-04-13"));
    }

    [Fact]
    public void The_annual_meeting_is_due_eleven_months_after_the_last_one_unless_one_is_scheduled()
    {
        var group = Founded(); // established 2025-12-29
        Assert.Empty(Due(group, [], [], "2026-11-29"));
        var due = GroupNoticePlan.Due(group, [], [], Days, D("2026-11-30"), DateTime.UtcNow).Single();
        Assert.Equal((NoticeKind.AnnualMeetingDue, D("2026-11-29"), group.Id), (due.Kind, due.DueOn, due.SubjectId));

        var held = Meeting(MeetingKind.Annual, "2026-08-20", "2026-07-01");
        Assert.Empty(Due(group, [held], [], "2027-07-20"));
        Assert.Equal([NoticeKind.AnnualMeetingDue], Due(group, [held], [], "2027-07-21"));
        var next = Meeting(MeetingKind.Annual, "2027-09-01", "2027-07-01");
        Assert.DoesNotContain(NoticeKind.AnnualMeetingDue, Due(group, [held, next], [], "2027-07-21"));
        Assert.Equal([NoticeKind.AnnualMeetingDue], Due(group, [held, Meeting(MeetingKind.Interim, "2027-09-01", "2027-07-01")], [], "2027-07-21")
            .Where(k => k == NoticeKind.AnnualMeetingDue));
    }

    [Fact]
    public void An_unfinished_item_is_recalled_two_weeks_before_its_deadline_and_once_past_it()
    {
        var group = Founded();
        var plan = new WorkPlan { Id = Guid.NewGuid(), GroupId = group.Id, Year = 2026 };
        plan.Items.Add(new WorkItem { Id = Guid.NewGuid(), Title = "Inventory", ResponsibleBodyId = "iwac", Deadline = D("2026-03-31"), Status = WorkItemStatus.InProgress });
        plan.Items.Add(new WorkItem { Id = Guid.NewGuid(), Title = "Done", ResponsibleBodyId = "iwac", Deadline = D("2026-03-31"), Status = WorkItemStatus.Done });

        Assert.Empty(Due(group, [], [plan], "2026-03-16"));
        Assert.Equal([NoticeKind.ItemDueSoon], Due(group, [], [plan], "2026-03-17"));
        Assert.Equal([NoticeKind.ItemDueSoon], Due(group, [], [plan], "2026-03-31"));
        var overdue = GroupNoticePlan.Due(group, [], [plan], Days, D("2026-05-01"), DateTime.UtcNow).Single();
        Assert.Equal((NoticeKind.ItemOverdue, D("2026-04-01")), (overdue.Kind, overdue.DueOn)); // the same key every day: sent once
    }
}
