using WorkingGroups.Core.Reminders;

namespace WorkingGroups.Core.Groups;

/// <summary>
/// MeetingInvitation: a scheduled meeting, to the representatives (with an .ics). MeetingReminder: some days before it.
/// AnnualMeetingDue: more than 11 months since the last annual meeting and none scheduled, to the coordinators and chairs.
/// ItemDueSoon and ItemOverdue: a Work Plan item near or past its deadline, to the responsible body.
/// </summary>
public enum NoticeKind { MeetingInvitation, MeetingReminder, AnnualMeetingDue, ItemDueSoon, ItemOverdue }

/// <summary>One e-mail about a group that is due; unique per group, kind, subject (meeting, item or the group) and due date.</summary>
public sealed class GroupNotice : IOutgoingMail
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public NoticeKind Kind { get; set; }
    public Guid SubjectId { get; set; }
    public DateOnly DueOn { get; set; }
    public MailStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public string? Recipients { get; set; }
    public string? MessageId { get; set; }

    /// <summary>A notice's time in the queue is counted from <see cref="ClaimedAt"/> (it has no column of its own for it).</summary>
    public void Requeue(DateTime now)
    {
        Status = MailStatus.Scheduled;
        ClaimedAt = now;
    }

    public (Guid, NoticeKind, Guid, DateOnly) Key => (GroupId, Kind, SubjectId, DueOn);
}

/// <summary>How many days ahead meetings and item deadlines are recalled.</summary>
public sealed record NoticeDays(int BeforeMeeting, int BeforeDeadline);

/// <summary>What is due about a group on a date: computed from its meetings and plans, recorded once each.</summary>
public static class GroupNoticePlan
{
    public static IEnumerable<GroupNotice> Due(Group group, IReadOnlyList<Meeting> meetings, IReadOnlyList<WorkPlan> plans, NoticeDays days,
        DateOnly today, DateTime now)
    {
        GroupNotice Notice(NoticeKind kind, Guid subject, DateOnly dueOn) =>
            new() { GroupId = group.Id, Kind = kind, SubjectId = subject, DueOn = dueOn, Status = MailStatus.Due, CreatedAt = now };

        foreach (var meeting in meetings.Where(m => m.Date >= today))
        {
            var scheduledOn = DateOnly.FromDateTime(meeting.CreatedAt);
            yield return Notice(NoticeKind.MeetingInvitation, meeting.Id, scheduledOn);
            var remindOn = meeting.Date.AddDays(-days.BeforeMeeting);
            if (remindOn > scheduledOn && remindOn <= today) yield return Notice(NoticeKind.MeetingReminder, meeting.Id, remindOn);
        }

        if (AnnualMeetingDueOn(group, meetings, today) is { } annualDue)
            yield return Notice(NoticeKind.AnnualMeetingDue, group.Id, annualDue);

        foreach (var item in plans.SelectMany(p => p.Items))
        {
            if (item.OverdueOn(today)) yield return Notice(NoticeKind.ItemOverdue, item.Id, item.Deadline.AddDays(1));
            else if (item.DueSoonOn(today, days.BeforeDeadline)) yield return Notice(NoticeKind.ItemDueSoon, item.Id, item.Deadline.AddDays(-days.BeforeDeadline));
        }
    }

    /// <summary>
    /// The day the next annual meeting fell due (11 months after the last one held, or after the establishment) when that
    /// day has passed and none is scheduled since; otherwise null.
    /// </summary>
    public static DateOnly? AnnualMeetingDueOn(Group group, IReadOnlyList<Meeting> meetings, DateOnly today)
    {
        var lastAnnual = meetings.Where(m => m.Kind == Definitions.MeetingKind.Annual && m.Date <= today).Select(m => (DateOnly?)m.Date).Max();
        var since = lastAnnual ?? group.EstablishedOn;
        var due = since.AddMonths(11);
        return due < today && !meetings.Any(m => m.Kind == Definitions.MeetingKind.Annual && m.Date > since) ? due : null;
    }
}
