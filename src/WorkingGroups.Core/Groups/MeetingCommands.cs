using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

/// <summary>A meeting put in the calendar; without a time zone it is the country's.</summary>
public sealed record ScheduleMeeting(MeetingKind Kind, DateOnly Date, TimeOnly StartsAt, int? DurationMinutes, string? TimeZone,
    string? Place, string? OnlineLink, IReadOnlyList<string> Agenda);

/// <summary>What happened at a meeting that took place.</summary>
public sealed record RecordMeeting(IReadOnlyList<Attendee> Attendees, IReadOnlyList<string> Decisions, IReadOnlyList<ItemReview> ItemReviews);

public sealed record RecordMinutes(MinutesStatus Status, Evidence? Document, DateOnly? ApprovedOn);

public sealed record AddWorkItem(string Title, string ResponsibleBodyId, IReadOnlyList<string> CoImplementers, DateOnly Deadline);

/// <summary>A change of an item; null leaves a value as it is. Done needs the date it was done.</summary>
public sealed record UpdateWorkItem(WorkItemStatus? Status, DateOnly? DoneOn, DateOnly? Deadline, IReadOnlyList<Evidence>? Evidence);
