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
public sealed class MeetingsModel(GroupService groups, MeetingService meetings, DefinitionVersions versions, IStringLocalizer t)
    : GroupPageModel<MeetingForm>(groups, versions, t)
{
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

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

    protected override async Task LoadPageAsync(CancellationToken ct) => Meetings = await meetings.ListAsync(Group.Id, ct);

}

public sealed class MeetingForm
{
    public string? Kind { get; set; }
    public string? Date { get; set; }
    public string? StartsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public string? Agenda { get; set; }
    public string? MinutesStatus { get; set; }
    public string? DocumentNumber { get; set; }
}
