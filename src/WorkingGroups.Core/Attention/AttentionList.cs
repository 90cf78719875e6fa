using WorkingGroups.Core.Calendars;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Forecasts;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Attention;

/// <summary>A running step past 80 % of its benchmark (at risk) or past it (overdue).</summary>
public sealed record LateStep(Process Process, ProcessDefinition Definition, ProcessStep Step, int ElapsedDays, BenchmarkState State);

/// <summary>The reminders a body has had about one invitation: sent by the app or recorded by a coordinator.</summary>
public sealed record ReminderTally(int Count, DateOnly? LastOn)
{
    public static readonly ReminderTally None = new(0, null);
}

/// <summary>A running process whose forecast median falls after the date its benchmark gives.</summary>
public sealed record LikelyLate(Process Process, ProcessDefinition Definition, Forecast Forecast);

/// <summary>A body invited in an open step that has not answered yet.</summary>
public sealed record SilentBody(Process Process, ProcessDefinition Definition, ProcessStep Step, Invitation Invitation, int DaysWaiting, ReminderTally Reminders);

/// <summary>
/// AnnualMeetingDue: more than 11 months since the last annual meeting (or the establishment) and none scheduled.
/// MeetingAhead: a scheduled meeting, today or later. MinutesPending: a held meeting whose minutes are not approved.
/// ItemOverdue and ItemDueSoon: an unfinished Work Plan item past its deadline, or close to it.
/// </summary>
public enum GroupConcernKind { AnnualMeetingDue, ItemOverdue, MinutesPending, ItemDueSoon, MeetingAhead }

/// <summary>Something about an established group to act on, with the date it is about (due, deadline, meeting).</summary>
public sealed record GroupConcern(Group Group, GroupConcernKind Kind, DateOnly Date, Meeting? Meeting = null, WorkPlan? Plan = null, WorkItem? Item = null);

/// <summary>A group with its meetings and Work Plans, as the attention list reads it.</summary>
public sealed record GroupYear(Group Group, IReadOnlyList<Meeting> Meetings, IReadOnlyList<WorkPlan> Plans);

/// <summary>
/// What needs a coordinator's attention on a day: steps running late, bodies that have not answered, and what is due about
/// the established groups. The most pressing first in each list.
/// </summary>
public sealed record AttentionList(DateOnly AsOf, IReadOnlyList<LateStep> Steps, IReadOnlyList<SilentBody> Bodies, IReadOnlyList<GroupConcern> Groups)
{
    public bool IsEmpty => Steps.Count == 0 && Bodies.Count == 0 && Groups.Count == 0;

    /// <summary>The running processes likely to be established after their benchmark date, the latest first.</summary>
    public IReadOnlyList<LikelyLate> LikelyLate { get; init; } = [];

    /// <summary>The list with the running processes' forecasts from <paramref name="history"/> (read as of the list's day).</summary>
    public AttentionList WithForecasts(IReadOnlyList<(Process Process, ProcessDefinition Definition)> processes, ForecastHistory history) => this with
    {
        LikelyLate = processes
            .Select(p => Forecaster.Of(p.Process, p.Definition, history) is { DaysLate: > 0 } f ? new LikelyLate(p.Process, p.Definition, f) : null)
            .OfType<LikelyLate>()
            .OrderByDescending(l => l.Forecast.DaysLate).ThenBy(l => l.Process.Title, StringComparer.Ordinal)
            .ToList(),
    };

    /// <param name="today">The list's date (the reader's country's, or UTC across countries).</param>
    /// <param name="timeOf">
    /// Each process's own today (its country's) and what its benchmarks count; when null, <paramref name="today"/> and
    /// calendar days.
    /// </param>
    /// <param name="todayIn">A country's today, for the groups; when null, <paramref name="today"/>.</param>
    public static AttentionList Of(IReadOnlyList<(Process Process, ProcessDefinition Definition)> processes,
        Func<Invitation, ReminderTally> reminders, IReadOnlyList<GroupYear> groups, NoticeDays days, DateOnly today,
        Func<Process, ProcessDefinition, (DateOnly Today, DayRuler Ruler)>? timeOf = null, Func<string, DateOnly>? todayIn = null)
    {
        timeOf ??= (_, _) => (today, DayRuler.Calendar);
        var open = processes.Where(p => p.Process.Status == ProcessStatus.Active)
            .SelectMany(p => p.Process.Steps.Where(s => s.Status == StepStatus.Active).Select(s => (p.Process, p.Definition, Step: s, Time: timeOf(p.Process, p.Definition))))
            .ToList();

        var steps = open
            .Select(o => new LateStep(o.Process, o.Definition, o.Step, o.Step.ElapsedDays(o.Time.Today, o.Time.Ruler) ?? 0, o.Step.State(o.Time.Today, o.Time.Ruler) ?? BenchmarkState.OnTrack))
            .Where(s => s.State != BenchmarkState.OnTrack)
            .OrderByDescending(s => s.State)
            .ThenByDescending(s => (double)s.ElapsedDays / Math.Max(s.Step.BenchmarkDays, 1))
            .ToList();

        var bodies = open
            .SelectMany(o => o.Step.Invitations.Where(i => i.Status == InvitationStatus.Pending)
                .Select(i => new SilentBody(o.Process, o.Definition, o.Step, i, o.Time.Today.DayNumber - i.SentOn.DayNumber, reminders(i))))
            .OrderByDescending(b => b.DaysWaiting)
            .ThenBy(b => b.Process.Title, StringComparer.Ordinal)
            .ThenBy(b => b.Definition.FindStep(b.Step.StepId)?.Invitees.ToList().IndexOf(b.Invitation.BodyId) ?? 0) // as the definition lists them
            .ToList();

        return new AttentionList(today, steps, bodies, GroupConcerns(groups, days, today, todayIn));
    }

    /// <summary>What is due about the groups, each on its country's today: the most pressing kind first, then by date.</summary>
    public static IReadOnlyList<GroupConcern> GroupConcerns(IReadOnlyList<GroupYear> groups, NoticeDays days, DateOnly today, Func<string, DateOnly>? todayIn = null) =>
        groups.SelectMany(g => ConcernsOf(g, days, todayIn?.Invoke(g.Group.Country) ?? today)).OrderBy(c => c.Kind).ThenBy(c => c.Date).ToList();

    private static IEnumerable<GroupConcern> ConcernsOf(GroupYear year, NoticeDays days, DateOnly today)
    {
        var group = year.Group;
        if (GroupNoticePlan.AnnualMeetingDueOn(group, year.Meetings, today) is { } due)
            yield return new GroupConcern(group, GroupConcernKind.AnnualMeetingDue, due);
        foreach (var meeting in year.Meetings)
        {
            if (meeting.Date >= today) yield return new GroupConcern(group, GroupConcernKind.MeetingAhead, meeting.Date, meeting);
            else if (meeting.Minutes != MinutesStatus.Approved) yield return new GroupConcern(group, GroupConcernKind.MinutesPending, meeting.Date, meeting);
        }
        foreach (var plan in year.Plans)
        {
            foreach (var item in plan.Items.OrderBy(i => i.Number))
            {
                if (item.OverdueOn(today)) yield return new GroupConcern(group, GroupConcernKind.ItemOverdue, item.Deadline, Plan: plan, Item: item);
                else if (item.DueSoonOn(today, days.BeforeDeadline)) yield return new GroupConcern(group, GroupConcernKind.ItemDueSoon, item.Deadline, Plan: plan, Item: item);
            }
        }
    }
}
