using WorkingGroups.Core.Attention;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using static WorkingGroups.UnitTests.Groups.KazakhGroup;

namespace WorkingGroups.UnitTests.Attention;

/// <summary>What the home page lists as needing attention, and in which order.</summary>
public sealed class AttentionListTests
{
    private static readonly NoticeDays Days = new(BeforeMeeting: 7, BeforeDeadline: 14);

    private static Meeting Meeting(MeetingKind kind, string date, MinutesStatus minutes = MinutesStatus.None) => new()
    {
        Id = Guid.NewGuid(), Kind = kind, Date = D(date), TimeZone = "Asia/Almaty", Minutes = minutes,
    };

    private static List<GroupConcernKind> Concerns(Group group, IReadOnlyList<Meeting> meetings, string today) =>
        AttentionList.Of([], _ => ReminderTally.None, [new GroupYear(group, meetings, [])], Days, D(today)).Groups.Select(c => c.Kind).ToList();

    [Fact]
    public void A_meeting_today_is_ahead_and_a_held_one_is_listed_until_its_minutes_are_approved()
    {
        var group = Founded(); // established 2025-12-29: the annual meeting falls due on 2026-11-29
        Assert.Equal([GroupConcernKind.MeetingAhead], Concerns(group, [Meeting(MeetingKind.Annual, "2026-06-10")], "2026-06-10"));
        Assert.Equal([GroupConcernKind.MinutesPending], Concerns(group, [Meeting(MeetingKind.Annual, "2026-06-10", MinutesStatus.Draft)], "2026-06-11"));
        Assert.Empty(Concerns(group, [Meeting(MeetingKind.Annual, "2026-06-10", MinutesStatus.Approved)], "2026-06-11"));
    }

    [Fact]
    public void An_overdue_annual_meeting_comes_before_a_meeting_ahead()
    {
        var group = Founded();
        Assert.Equal([GroupConcernKind.AnnualMeetingDue, GroupConcernKind.MeetingAhead],
            Concerns(group, [Meeting(MeetingKind.Interim, "2026-12-20", MinutesStatus.None)], "2026-12-07"));
    }

    [Fact]
    public void Steps_furthest_behind_their_benchmark_come_first_and_those_on_time_are_left_out()
    {
        var process = new Process
        {
            Id = Guid.NewGuid(), DefinitionId = Definition.Id, DefinitionVersion = Definition.Version, Country = "KZ", Title = "Kazakhstan WG",
            CreatedBy = "tests", Status = ProcessStatus.Active, StartedOn = D("2026-01-01"), BenchmarkDays = 120,
            Steps =
            [
                Running("start-procedure", 14, "2026-02-20"),   // 15 of 14: overdue, 107 %
                Running("draft-order", 21, "2026-01-01"),       // 65 of 21: overdue, 310 %
                Running("letter-to-minister", 14, "2026-02-22"), // 13 of 14: at risk
                Running("invitations", 30, "2026-02-20"),       // 15 of 30: on time
            ],
        };
        var list = AttentionList.Of([(process, Definition)], _ => ReminderTally.None, [], Days, D("2026-03-07"));
        Assert.Equal(["draft-order", "start-procedure", "letter-to-minister"], list.Steps.Select(s => s.Step.StepId));
        Assert.Equal(BenchmarkState.AtRisk, list.Steps[^1].State);
    }

    private static ProcessStep Running(string stepId, int benchmark, string activatedOn) =>
        new() { StepId = stepId, Status = StepStatus.Active, BenchmarkDays = benchmark, ActivatedOn = D(activatedOn) };
}
