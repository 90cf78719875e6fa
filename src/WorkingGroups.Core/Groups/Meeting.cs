using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

public enum MinutesStatus { None, Draft, Approved }

/// <summary>
/// An annual or interim meeting of a group: when and where (a place, an online link, or both), the agenda, and once held
/// who attended, what was decided, the minutes from draft to approved and the status of Work Plan items that day.
/// The start is the local time in the meeting's time zone (an IANA id such as Asia/Almaty).
/// </summary>
public sealed class Meeting
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public MeetingKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public required string TimeZone { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public List<string> Agenda { get; set; } = [];
    public List<Attendee> Attendees { get; set; } = [];
    public List<string> Decisions { get; set; } = [];
    public List<ItemReview> ItemReviews { get; set; } = [];
    public MinutesStatus Minutes { get; set; }
    public Evidence? MinutesDocument { get; set; }
    public DateOnly? MinutesApprovedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid Version { get; set; }

    public bool HeldBy(DateOnly today) => Date <= today;

    /// <summary>
    /// The start as an instant: the local time in the meeting's zone. Null when that instant is past the calendar's end
    /// in UTC: a row stored before meeting dates were bounded (9999-12-31 23:30 at UTC-12) still lists, and can be removed.
    /// </summary>
    public DateTimeOffset? StartUtc()
    {
        var local = Date.ToDateTime(StartsAt);
        var offset = TimeZoneInfo.FindSystemTimeZoneById(TimeZone).GetUtcOffset(local);
        if (offset < TimeSpan.Zero && DateTime.MaxValue - local < -offset) return null;
        if (offset > TimeSpan.Zero && local - DateTime.MinValue < offset) return null;
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>
    /// A meeting entered by mistake may be removed, but not what the group's record rests on: minutes that were approved,
    /// or a Work Plan adopted at it. Item statuses its review set stay as they are: they are the items' own now.
    /// </summary>
    public void MustBeRemovable(IEnumerable<WorkPlan> plans)
    {
        if (Minutes == MinutesStatus.Approved) throw DomainRuleException.Conflict("meeting-minutes-approved", Date, MinutesApprovedOn);
        if (plans.FirstOrDefault(p => p.AdoptedAt == Id) is { } plan) throw DomainRuleException.Conflict("meeting-adopted-plan", Date, plan.Year);
    }

    /// <summary>What happened: attendance, decisions and each reviewed item's status that day. Only once it was held.</summary>
    public void Record(IReadOnlyList<Attendee> attendees, IReadOnlyList<string> decisions, IReadOnlyList<ItemReview> reviews, DateOnly today)
    {
        if (!HeldBy(today)) throw DomainRuleException.Conflict("meeting-not-held", Date);
        Attendees = attendees.ToList();
        Decisions = decisions.ToList();
        ItemReviews = reviews.ToList();
        Version = Guid.NewGuid();
    }

    /// <summary>The minutes as a draft, then approved on a date; approved minutes no longer change.</summary>
    public void RecordMinutes(MinutesStatus status, Evidence? document, DateOnly? approvedOn, DateOnly today)
    {
        if (!HeldBy(today)) throw DomainRuleException.Conflict("meeting-not-held", Date);
        if (Minutes == MinutesStatus.Approved) throw DomainRuleException.Conflict("minutes-approved", MinutesApprovedOn);
        if (status == MinutesStatus.Approved && approvedOn is null) throw DomainRuleException.Invalid("approvedOn", "required", "approvedOn");
        // Checked even on a draft, where it is not kept: a date out of range is a mistake the caller should hear of.
        if (approvedOn is { } date)
        {
            if (date > today) throw DomainRuleException.Invalid("approvedOn", "date-in-future", "approvedOn", date, today);
            if (date < Date) throw DomainRuleException.Invalid("approvedOn", "date-before-meeting", "approvedOn", date, Date);
        }
        Minutes = status;
        MinutesDocument = document ?? MinutesDocument;
        MinutesApprovedOn = status == MinutesStatus.Approved ? approvedOn : null;
        Version = Guid.NewGuid();
    }
}

/// <summary>Who attended: a member body (by id) or an observer organisation (UNECE, OSCE, IWAC), and the person.</summary>
public sealed record Attendee(string? BodyId, string? Organisation, string? Person, bool Observer);

/// <summary>A Work Plan item's status as a meeting reviewed it.</summary>
public sealed record ItemReview(Guid ItemId, WorkItemStatus Status, string? Note);
