using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

/// <summary>The input rules of meetings. A meeting may be scheduled ahead; what happened at it is recorded once it was held.</summary>
public static class MeetingRules
{
    public const int MaxAgendaItems = 50;

    /// <summary>Where a country's meetings happen unless told otherwise.</summary>
    public static string TimeZoneOf(string country) => country switch
    {
        "KZ" => "Asia/Almaty",
        "TJ" => "Asia/Dushanbe",
        "UZ" => "Asia/Tashkent",
        _ => "UTC",
    };

    /// <summary>A meeting of the group's life: not before it was established, at most <see cref="ProcessRules.MaxYearsAhead"/> years ahead.</summary>
    public static Meeting Schedule(Group group, ScheduleMeeting command, DateOnly today, DateTime createdAt)
    {
        if (command.Date < group.EstablishedOn)
            throw DomainRuleException.Invalid("date", "date-before-establishment", "date", command.Date, group.EstablishedOn);
        ProcessRules.DateWithin("date", command.Date, group.EstablishedOn, ProcessRules.LatestAhead(today));
        var zone = string.IsNullOrWhiteSpace(command.TimeZone) ? TimeZoneOf(group.Country) : command.TimeZone.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) throw DomainRuleException.Invalid("timeZone", "unknown-time-zone", zone);
        var duration = command.DurationMinutes ?? 180;
        if (duration is < 15 or > 24 * 60) throw DomainRuleException.Invalid("durationMinutes", "not-a-choice", "durationMinutes", duration, "15 to 1440");
        ProcessRules.Line("place", command.Place, ProcessRules.MaxText);
        Link("onlineLink", command.OnlineLink);
        if (string.IsNullOrWhiteSpace(command.Place) && string.IsNullOrWhiteSpace(command.OnlineLink))
            throw DomainRuleException.Invalid("place", "meeting-place-required");
        Texts("agenda", command.Agenda, line: true);
        return new Meeting
        {
            Id = Guid.NewGuid(),
            GroupId = group.Id,
            Kind = command.Kind,
            Date = command.Date,
            StartsAt = command.StartsAt,
            DurationMinutes = duration,
            TimeZone = zone,
            Place = Trimmed(command.Place),
            OnlineLink = Trimmed(command.OnlineLink),
            Agenda = command.Agenda.Select(a => a.Trim()).ToList(),
            CreatedAt = createdAt,
            Version = Guid.NewGuid(),
        };
    }

    /// <summary>Attendees are member bodies of that day, or observers named by their organisation.</summary>
    public static void Record(Group group, Meeting meeting, RecordMeeting command)
    {
        for (var i = 0; i < command.Attendees.Count; i++)
        {
            var attendee = command.Attendees[i];
            ProcessRules.Line($"attendees[{i}].organisation", attendee.Organisation, ProcessRules.MaxText);
            ProcessRules.Line($"attendees[{i}].person", attendee.Person, ProcessRules.MaxText);
            if (attendee.BodyId is { } body)
            {
                if (!group.IsMemberOn(body, meeting.Date) && !attendee.Observer)
                    throw DomainRuleException.Invalid($"attendees[{i}].bodyId", "body-not-member-on", new BodyRef(body), meeting.Date);
            }
            else if (string.IsNullOrWhiteSpace(attendee.Organisation))
            {
                throw DomainRuleException.Invalid($"attendees[{i}]", "attendee-unnamed", i);
            }
        }
        if (command.Attendees.Count > 200) throw DomainRuleException.Invalid("attendees", "too-many", "attendees", command.Attendees.Count, 200);
        Texts("decisions", command.Decisions);
        for (var i = 0; i < command.ItemReviews.Count; i++) ProcessRules.Text($"itemReviews[{i}].note", command.ItemReviews[i].Note, ProcessRules.MaxNote);
    }

    public static void Link(string field, string? link)
    {
        if (string.IsNullOrWhiteSpace(link)) return;
        ProcessRules.Text(field, link, 2000);
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw DomainRuleException.Invalid(field, "not-a-link", field, link);
    }

    /// <summary>Agenda items are printed one a line (e-mail, calendar file); decisions are paragraphs.</summary>
    private static void Texts(string field, IReadOnlyList<string> texts, bool line = false)
    {
        if (texts.Count > MaxAgendaItems) throw DomainRuleException.Invalid(field, "too-many", field, texts.Count, MaxAgendaItems);
        for (var i = 0; i < texts.Count; i++)
        {
            if (line) ProcessRules.Line($"{field}[{i}]", texts[i], ProcessRules.MaxNote, required: true);
            else ProcessRules.Text($"{field}[{i}]", texts[i], ProcessRules.MaxNote, required: true);
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
