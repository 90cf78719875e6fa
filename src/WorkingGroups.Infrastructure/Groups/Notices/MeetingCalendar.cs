using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using WorkingGroups.Core.Groups;

namespace WorkingGroups.Infrastructure.Groups.Notices;

/// <summary>A person a meeting invitation names, as the calendar shows them.</summary>
internal sealed record Invitee(string Name, string Email);

/// <summary>
/// A meeting as an iCalendar (RFC 5545) request, written by Ical.Net: the start in the meeting's own time zone (with its
/// VTIMEZONE), the representatives as attendees, a stable UID so a reminder updates the same calendar entry. The
/// organiser is a coordinator, who reads the answers; without one, the attendees are not asked to answer the app's
/// own sender, which nobody reads.
/// </summary>
internal static class MeetingCalendar
{
    public static string Write(Meeting meeting, string title, string? coordinator, string sender, IReadOnlyList<Invitee> invitees)
    {
        var start = new CalDateTime(meeting.Date, meeting.StartsAt, meeting.TimeZone);
        var calendarEvent = new CalendarEvent
        {
            Uid = $"{meeting.Id:N}@workinggroups",
            Summary = title,
            Description = string.Join("\n", meeting.Agenda.Select((item, i) => $"{i + 1}. {item}")),
            Location = meeting.Place ?? meeting.OnlineLink,
            Url = meeting.OnlineLink is { } link ? new Uri(link) : null,
            DtStart = start,
            DtEnd = start.AddMinutes(meeting.DurationMinutes),
            Organizer = new Organizer($"mailto:{coordinator ?? sender}"),
            Attendees = invitees.Select(i => new Ical.Net.DataTypes.Attendee($"mailto:{i.Email}")
            {
                CommonName = i.Name,
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
                Rsvp = coordinator is not null,
            }).ToList(),
        };
        var calendar = new Calendar { Method = "REQUEST", ProductId = "-//WorkingGroups//Meetings//EN" };
        calendar.AddTimeZone(meeting.TimeZone);
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
