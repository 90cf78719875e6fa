using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Web.Processes;

namespace WorkingGroups.Web.Groups;

// The JSON bodies of meetings and Work Plans. Dates yyyy-MM-dd, times HH:mm; enums as kebab-case words.

internal sealed record ScheduleMeetingRequest(string? Kind, DateOnly? Date, TimeOnly? StartsAt, int? DurationMinutes, string? TimeZone,
    string? Place, string? OnlineLink, List<string>? Agenda);

internal sealed record AttendeeRequest(string? BodyId, string? Organisation, string? Person, bool? Observer);

internal sealed record ItemReviewRequest(Guid? ItemId, string? Status, string? Note);

internal sealed record RecordMeetingRequest(List<AttendeeRequest>? Attendees, List<string>? Decisions, List<ItemReviewRequest>? ItemReviews);

internal sealed record MinutesRequest(string? Status, DateOnly? ApprovedOn, EvidenceRequest? Document);

internal sealed record CreatePlanRequest(int? Year);

internal sealed record AddItemRequest(string? Title, string? ResponsibleBodyId, List<string>? CoImplementers, DateOnly? Deadline);

internal sealed record UpdateItemRequest(string? Status, DateOnly? DoneOn, DateOnly? Deadline, List<EvidenceRequest>? Evidence);

internal sealed record AdoptRequest(Guid? MeetingId);

internal static class MeetingRequestMapping
{
    public static ScheduleMeeting ToCommand(this ScheduleMeetingRequest r) => new(
        Choice<MeetingKind>(r.Kind, "kind"), RequestMapping.Required(r.Date, "date"), RequestMapping.Required(r.StartsAt, "startsAt"),
        r.DurationMinutes, r.TimeZone, r.Place, r.OnlineLink, r.Agenda ?? []);

    public static RecordMeeting ToCommand(this RecordMeetingRequest r) => new(
        RequestMapping.Entries(r.Attendees ?? [], "attendees").Select(a => new Attendee(Blank(a.BodyId), Blank(a.Organisation), Blank(a.Person), a.Observer ?? false)).ToList(),
        r.Decisions ?? [],
        RequestMapping.Entries(r.ItemReviews ?? [], "itemReviews").Select((v, i) => new ItemReview(RequestMapping.Required(v.ItemId, $"itemReviews[{i}].itemId"),
            Choice<WorkItemStatus>(v.Status, $"itemReviews[{i}].status"), v.Note)).ToList());

    public static RecordMinutes ToCommand(this MinutesRequest r) => new(
        Choice<MinutesStatus>(r.Status, "status"),
        r.Document is { } d ? new Evidence(d.Title ?? "", d.Number, d.Date) : null, r.ApprovedOn);

    public static AddWorkItem ToCommand(this AddItemRequest r) => new(
        r.Title ?? "", r.ResponsibleBodyId ?? "", r.CoImplementers ?? [], RequestMapping.Required(r.Deadline, "deadline"));

    public static UpdateWorkItem ToCommand(this UpdateItemRequest r) => new(
        r.Status is null ? null : Choice<WorkItemStatus>(r.Status, "status"), r.DoneOn, r.Deadline,
        RequestMapping.Evidence(r.Evidence));

    /// <summary>An enum spelled as the API spells it ("in-progress"); anything else is a 400 listing the choices.</summary>
    public static T Choice<T>(string? text, string field) where T : struct, Enum =>
        text is null ? throw DomainRuleException.Invalid(field, "required", field)
        : KindNames.TryParse<T>(text, out var value) ? value
        : throw DomainRuleException.Invalid(field, "not-a-choice", field, text, KindNames.All<T>());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
