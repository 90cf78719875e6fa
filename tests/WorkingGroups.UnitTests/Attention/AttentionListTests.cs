using WorkingGroups.Core.Attention;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.UnitTests.Processes;
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

    /// <summary>
    /// Four steps running at once, each opened on its own date: draft-order with the process, the others after a trigger
    /// step completed on the date they open.
    /// </summary>
    private static readonly ProcessDefinition Running = Walk.Load("""
        {
          "schemaVersion": 1,
          "id": "xx-establishment",
          "version": 1,
          "country": "XX",
          "kind": "establishment",
          "title": { "en": "Test group", "ru": "Тестовая группа" },
          "leadBody": "lead",
          "benchmark": { "days": 120, "assumption": false, "source": "a test" },
          "bodies": [
            { "id": "lead", "name": { "en": "Lead body", "ru": "Ведущий орган" }, "kind": "committee", "roles": ["chair", "member"] }
          ],
          "steps": [
            { "id": "opens-feb-20", "title": { "en": "Trigger", "ru": "Пуск" }, "kind": "task", "owner": "lead", "after": [],
              "benchmark": { "days": 60, "assumption": true } },
            { "id": "opens-feb-22", "title": { "en": "Trigger", "ru": "Пуск" }, "kind": "task", "owner": "lead", "after": [],
              "benchmark": { "days": 60, "assumption": true } },
            { "id": "start-procedure", "title": { "en": "Start", "ru": "Начало" }, "kind": "task", "owner": "lead", "after": ["opens-feb-20"],
              "benchmark": { "days": 14, "assumption": true } },
            { "id": "draft-order", "title": { "en": "Draft", "ru": "Проект" }, "kind": "task", "owner": "lead", "after": [],
              "benchmark": { "days": 21, "assumption": true } },
            { "id": "letter-to-minister", "title": { "en": "Letter", "ru": "Письмо" }, "kind": "letter", "owner": "lead", "after": ["opens-feb-22"],
              "benchmark": { "days": 14, "assumption": true } },
            { "id": "invitations", "title": { "en": "Invitations", "ru": "Приглашения" }, "kind": "task", "owner": "lead", "after": ["opens-feb-20"],
              "benchmark": { "days": 30, "assumption": true } }
          ]
        }
        """);

    [Fact]
    public void Steps_furthest_behind_their_benchmark_come_first_and_those_on_time_are_left_out()
    {
        var process = Walk.Start(Running, "2026-01-01", "Kazakhstan WG").Done("opens-feb-20", "2026-02-20").Done("opens-feb-22", "2026-02-22").Process;
        // start-procedure: 15 of 14, overdue, 107 %; draft-order: 65 of 21, overdue, 310 %;
        // letter-to-minister: 13 of 14, at risk; invitations: 15 of 30, on time.
        Assert.Equal([D("2026-02-20"), D("2026-01-01"), D("2026-02-22"), D("2026-02-20")],
            new[] { "start-procedure", "draft-order", "letter-to-minister", "invitations" }.Select(id => process.Step(id)!.ActivatedOn));
        var list = AttentionList.Of([(process, Running)], _ => ReminderTally.None, [], Days, D("2026-03-07"));
        Assert.Equal(["draft-order", "start-procedure", "letter-to-minister"], list.Steps.Select(s => s.Step.StepId));
        Assert.Equal(BenchmarkState.AtRisk, list.Steps[^1].State);
    }
}
