using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Groups;

namespace WorkingGroups.Web.Pages.Groups;

/// <summary>A group's meetings: scheduled ahead (the representatives get an .ics), then their minutes from draft to approved.</summary>
internal sealed class MeetingsModel(GroupService groups, MeetingService meetings, WorkPlanService plans, DefinitionVersions versions, IStringLocalizer t)
    : GroupPageModel<MeetingForm>(groups, versions, t)
{
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    /// <summary>The Work Plan items a meeting can review (not those carried over into a later plan), with their plan's year.</summary>
    public IReadOnlyList<(int Year, WorkItem Item)> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadGroupAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostScheduleAsync(Guid id, CancellationToken ct) => ChangeAsync(id, "schedule", async () =>
    {
        var date = Form.Date("date", Input.Date, T, required: true);
        TimeOnly? startsAt = TimeOnly.TryParseExact(Input.StartsAt ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : null;
        if (startsAt is null) Form.Add("startsAt", T["Form.TimeRequired"]);
        if (Form.HasErrors) return false;
        var agenda = (Input.Agenda ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var kind = Input.Kind == "interim" ? MeetingKind.Interim : MeetingKind.Annual;
        await meetings.ScheduleAsync(id, new ScheduleMeeting(kind, date!.Value, startsAt!.Value, null, null, Blank(Input.Place), Blank(Input.OnlineLink), agenda), ct);
        return true;
    }, ct);

    public Task<IActionResult> OnPostMinutesAsync(Guid id, Guid meeting, CancellationToken ct) => ChangeAsync(id, $"minutes:{meeting}", async () =>
    {
        var approved = Input.MinutesStatus == "approved";
        var approvedOn = approved ? Form.Date("approvedOn", Input.Date, T, required: true) : null;
        if (Form.HasErrors) return false;
        var document = Blank(Input.DocumentNumber) is { } number ? new Evidence(T["Groups.Minutes"], number, approvedOn) : null;
        await meetings.RecordMinutesAsync(id, meeting, new RecordMinutes(approved ? MinutesStatus.Approved : MinutesStatus.Draft, document, approvedOn), ct);
        return true;
    }, ct);

    /// <summary>What happened at a held meeting: the members present, observers, decisions, and each reviewed item's status that day.</summary>
    public Task<IActionResult> OnPostRecordAsync(Guid id, Guid meeting, CancellationToken ct) => ChangeAsync(id, $"record:{meeting}", async () =>
    {
        var attendees = Input.Attendees.Select(b => new Attendee(b, null, null, false))
            .Concat(Lines(Input.Observers, ',').Select(o => new Attendee(null, o, null, true))).ToList();
        var reviews = Input.Reviews.Where(r => Guid.TryParse(r.Key, out _) && r.Value is "planned" or "in-progress" or "done")
            .Select(r => new ItemReview(Guid.Parse(r.Key), r.Value switch
            {
                "done" => WorkItemStatus.Done,
                "in-progress" => WorkItemStatus.InProgress,
                _ => WorkItemStatus.Planned,
            }, null)).ToList();
        await meetings.RecordAsync(id, meeting, new RecordMeeting(attendees, Lines(Input.Decisions, '\n'), reviews), ct);
        return true;
    }, ct);

    protected override async Task LoadPageAsync(CancellationToken ct)
    {
        Meetings = await meetings.ListAsync(Group.Id, ct);
        Items = (await plans.ListAsync(Group.Id, ct))
            .SelectMany(p => p.Items.Where(i => i.Status != WorkItemStatus.CarriedOver).Select(i => (p.Year, i))).ToList();
    }

    private static List<string> Lines(string? text, char separator) =>
        (text ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

}

internal sealed class MeetingForm
{
    public string? Kind { get; set; }
    public string? Date { get; set; }
    public string? StartsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public string? Agenda { get; set; }
    public string? MinutesStatus { get; set; }
    public string? DocumentNumber { get; set; }
    public List<string> Attendees { get; set; } = [];
    public string? Observers { get; set; }
    public string? Decisions { get; set; }
    /// <summary>Item id to the status a meeting recorded for it ("" when not reviewed).</summary>
    public Dictionary<string, string> Reviews { get; set; } = [];
}
