using System.Globalization;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Infrastructure.Samples;

/// <summary>
/// Reads samples/groups/*.json: what an established group did next (an annual meeting that adopted a Work Plan, its
/// minutes, an interim meeting reviewing the plan). Dates are <c>yyyy-MM-dd</c>, <c>today-N</c>, or for deadlines
/// <c>today+N</c>. Shape and dates are checked here; the group rules check the rest as the file plays.
/// </summary>
internal static class SampleGroupFile
{
    public static (List<SampleGroup> Groups, List<string> Errors) ReadFolder(string folder, DateOnly today) =>
        SampleFiles.ReadFolder<WrittenGroup, SampleGroup>(folder, (file, written, _) => Check(file, written, today));

    private static SampleGroup Check(string file, WrittenGroup written, DateOnly today)
    {
        var country = written.Country ?? throw new SampleHistoryException("$.country", "is required.");
        var annual = Meeting("$.annualMeeting", MeetingKind.Annual, written.AnnualMeeting ?? throw new SampleHistoryException("$.annualMeeting", "is required."), today);
        var minutes = written.AnnualMeeting.Minutes is { } m
            ? new RecordMinutes(MinutesStatus.Approved, new Evidence(m.Title ?? "", m.Number, null), Date("$.annualMeeting.minutes.approvedOn", m.ApprovedOn, today, future: false))
            : null;
        var items = (written.WorkPlan?.Items ?? []).Select((item, i) => Item($"$.workPlan.items[{i}]", item, today)).ToList();
        var interim = written.InterimMeeting is { } w ? Meeting("$.interimMeeting", MeetingKind.Interim, w, today) : null;
        var reviews = (written.InterimMeeting?.Reviews ?? []).Select((r, i) =>
        {
            var where = $"$.interimMeeting.reviews[{i}]";
            if (r.Item is not { } number || number < 1 || number > items.Count)
                throw new SampleHistoryException(where + ".item", $"names an item by its number, 1 to {items.Count}.");
            return new SampleReview(number, Status(where + ".status", r.Status), r.Note);
        }).ToList();
        return new SampleGroup(file, country, annual, minutes, items, interim, reviews);
    }

    private static SampleMeeting Meeting(string where, MeetingKind kind, WrittenMeeting written, DateOnly today)
    {
        if (!TimeOnly.TryParseExact(written.StartsAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startsAt))
            throw new SampleHistoryException(where + ".startsAt", $"\"{written.StartsAt}\" is not a time: write HH:mm.");
        var schedule = new ScheduleMeeting(kind, Date(where + ".date", written.Date, today, future: false), startsAt, written.DurationMinutes, null,
            written.Place, written.OnlineLink, written.Agenda ?? []);
        var attendees = (written.Attendees ?? []).Select(a => new Attendee(a.Body, a.Organisation, a.Person, a.Observer)).ToList();
        return new SampleMeeting(schedule, attendees, written.Decisions ?? []);
    }

    private static SampleItem Item(string where, WrittenItem written, DateOnly today)
    {
        var add = new AddWorkItem(written.Title ?? throw new SampleHistoryException(where + ".title", "is required."),
            written.Responsible ?? throw new SampleHistoryException(where + ".responsible", "names the responsible body."),
            written.CoImplementers ?? [], Date(where + ".deadline", written.Deadline, today, future: true));
        var status = Status(where + ".status", written.Status ?? "planned");
        var doneOn = written.DoneOn is null ? (DateOnly?)null : Date(where + ".doneOn", written.DoneOn, today, future: false);
        if (status == WorkItemStatus.Done && doneOn is null) throw new SampleHistoryException(where + ".doneOn", "a done item says when it was done.");
        return new SampleItem(add, status, doneOn);
    }

    private static WorkItemStatus Status(string where, string? text) => text switch
    {
        "planned" => WorkItemStatus.Planned,
        "in-progress" => WorkItemStatus.InProgress,
        "done" => WorkItemStatus.Done,
        _ => throw new SampleHistoryException(where, $"\"{text}\" is not planned, in-progress or done."),
    };

    /// <summary>A date as <see cref="SampleHistoryFile.Date"/> reads it; with <paramref name="future"/> also <c>today+N</c>.</summary>
    private static DateOnly Date(string where, string? text, DateOnly today, bool future)
    {
        if (future && text is not null && text.StartsWith("today+", StringComparison.Ordinal))
        {
            return int.TryParse(text["today+".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                ? today.AddDays(days)
                : throw new SampleHistoryException(where, $"\"{text}\" is not a date: write yyyy-MM-dd, today-N or today+N.");
        }
        return SampleHistoryFile.Date(where, text, today);
    }

    private sealed record WrittenGroup(string? About, string? Country, WrittenMeeting? AnnualMeeting, WrittenPlan? WorkPlan, WrittenMeeting? InterimMeeting);

    private sealed record WrittenMeeting(
        string? Date, string? StartsAt, int? DurationMinutes, string? Place, string? OnlineLink, List<string>? Agenda,
        List<WrittenAttendee>? Attendees, List<string>? Decisions, WrittenMinutes? Minutes, List<WrittenReview>? Reviews);

    private sealed record WrittenAttendee(string? Body, string? Organisation, string? Person, bool Observer);

    private sealed record WrittenMinutes(string? Title, string? Number, string? ApprovedOn);

    private sealed record WrittenPlan(List<WrittenItem>? Items);

    private sealed record WrittenItem(string? Title, string? Responsible, List<string>? CoImplementers, string? Deadline, string? Status, string? DoneOn);

    private sealed record WrittenReview(int? Item, string? Status, string? Note);
}

/// <summary>A group's sample life after establishment, as read from its file.</summary>
internal sealed record SampleGroup(
    string File, string Country, SampleMeeting Annual, RecordMinutes? Minutes, IReadOnlyList<SampleItem> Items,
    SampleMeeting? Interim, IReadOnlyList<SampleReview> Reviews);

internal sealed record SampleMeeting(ScheduleMeeting Schedule, IReadOnlyList<Attendee> Attendees, IReadOnlyList<string> Decisions);

internal sealed record SampleItem(AddWorkItem Add, WorkItemStatus Status, DateOnly? DoneOn);

/// <summary>An interim meeting's review of a Work Plan item, by the item's number in the file (from 1).</summary>
internal sealed record SampleReview(int Item, WorkItemStatus Status, string? Note);
