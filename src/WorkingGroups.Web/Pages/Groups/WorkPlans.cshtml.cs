using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Groups;

namespace WorkingGroups.Web.Pages.Groups;

/// <summary>A group's Work Plans: progress per plan, items, new items, item status, adoption at a meeting, next year's plan.</summary>
internal sealed class WorkPlansModel(GroupService groups, WorkPlanService plans, MeetingService meetings, DefinitionVersions versions, IStringLocalizer t)
    : GroupPageModel<PlanForm>(groups, versions, t)
{
    public IReadOnlyList<WorkPlan> Plans { get; private set; } = [];
    public IReadOnlyList<Meeting> HeldMeetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadGroupAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostCreateAsync(Guid id, CancellationToken ct) => ChangeAsync(id, "create", async () =>
    {
        if (!int.TryParse(Input.Year, out var year)) throw DomainRuleException.Invalid("year", "required", "year");
        await plans.CreateAsync(id, year, ct);
        return true;
    }, ct);

    public Task<IActionResult> OnPostItemAsync(Guid id, Guid plan, CancellationToken ct) => ChangeAsync(id, $"item:{plan}", async () =>
    {
        var deadline = Form.Date("deadline", Input.Date, T, required: true);
        if (Form.HasErrors) return false;
        var coImplementers = (Input.CoImplementers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        await plans.AddItemAsync(id, plan, new AddWorkItem(Input.Title ?? "", Input.BodyId ?? "", coImplementers, deadline!.Value), ct);
        return true;
    }, ct);

    public Task<IActionResult> OnPostStatusAsync(Guid id, Guid plan, Guid item, CancellationToken ct) => ChangeAsync(id, $"status:{item}", async () =>
    {
        var status = Input.Status switch { "in-progress" => WorkItemStatus.InProgress, "done" => WorkItemStatus.Done, _ => WorkItemStatus.Planned };
        var doneOn = status == WorkItemStatus.Done ? Form.Date("doneOn", Input.Date, T, required: true) : null;
        if (Form.HasErrors) return false;
        await plans.UpdateItemAsync(id, plan, item, new UpdateWorkItem(status, doneOn, null, null), ct);
        return true;
    }, ct);

    public Task<IActionResult> OnPostAdoptAsync(Guid id, Guid plan, CancellationToken ct) => ChangeAsync(id, $"adopt:{plan}", async () =>
    {
        if (!Guid.TryParse(Input.MeetingId, out var meeting)) throw DomainRuleException.Invalid("meetingId", "required", "meetingId");
        await plans.AdoptAsync(id, plan, meeting, ct);
        return true;
    }, ct);

    protected override async Task LoadPageAsync(CancellationToken ct)
    {
        Plans = (await plans.ListAsync(Group.Id, ct)).OrderByDescending(p => p.Year).ToList();
        HeldMeetings = (await meetings.ListAsync(Group.Id, ct)).Where(m => m.HeldBy(Today)).ToList();
    }

    /// <summary>A share of a plan's items as a whole percentage.</summary>
    public static string Percent(double share) => $"{Math.Round(share * 100):0} %";
}

internal sealed class PlanForm
{
    public string? Year { get; set; }
    public string? Title { get; set; }
    public string? BodyId { get; set; }
    public string? CoImplementers { get; set; }
    public string? Date { get; set; }
    public string? Status { get; set; }
    public string? MeetingId { get; set; }
}
