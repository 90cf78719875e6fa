using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Groups;
using WorkingGroups.Web.Auth;
using WorkingGroups.Web.Localization;
using WorkingGroups.Web.Pages.Processes;

namespace WorkingGroups.Web.Pages.Groups;

/// <summary>
/// What the pages of one group share: the group, who may change it, and forms that go through the same services as the
/// API and show a refusal next to its field, in the reader's language.
/// </summary>
internal abstract class GroupPageModel<TForm>(GroupService groups, DefinitionVersions versions, IStringLocalizer t) : PageModel
    where TForm : class, new()
{
    /// <summary>What was typed into the posted form, shown again when it is refused.</summary>
    [BindProperty] public TForm Input { get; set; } = new();

    /// <summary>A field of the posted form as typed, for the form that was posted; empty for the others.</summary>
    public string Value(string form, Func<TForm, string?> field) => Form.Is(form) ? field(Input) ?? "" : "";

    public Group Group { get; private set; } = null!;
    public ProcessDefinition? Definition { get; private set; }
    public FormState Form { get; } = new();
    public DateOnly Today => groups.Today;
    public bool CanChange => User.CanCoordinate(Group.Country);
    protected IStringLocalizer T => t;
    protected GroupService Groups => groups;

    /// <summary>The group as its founding act names it, in the reader's language.</summary>
    public string GroupName => Definition?.GroupName.Name() ?? Group.Title;

    /// <summary>A body's name today (or its last one), in the reader's language.</summary>
    public string NameOf(string bodyId) => Group.NameOn(bodyId, Today).Name();

    /// <summary>Today's member bodies, for the forms' choices.</summary>
    public IReadOnlyList<ComposedBody> Members => Group.CompositionOn(Today).Bodies;

    protected async Task<bool> LoadGroupAsync(Guid id, CancellationToken ct)
    {
        if (await groups.FindAsync(id, ct) is not { } group) return false;
        Group = group;
        Definition = versions.Find(group.DefinitionId, group.DefinitionVersion);
        await LoadPageAsync(ct);
        return true;
    }

    /// <summary>What else the page shows (meetings, plans).</summary>
    protected virtual Task LoadPageAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Loads, checks the user may change this group, runs the change; a refusal re-renders the page with what was typed.</summary>
    protected async Task<IActionResult> ChangeAsync(Guid id, string form, Func<Task<bool>> change, CancellationToken ct)
    {
        if (!await LoadGroupAsync(id, ct)) return NotFound();
        if (!CanChange) return Forbid();
        Form.Posted = form;
        try
        {
            if (await change()) return Redirect($"{Request.Path}#{form.Split(':')[0]}");
        }
        catch (DomainRuleException ex)
        {
            Form.Add(ex, t, Definition);
        }
        await LoadGroupAsync(id, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    protected static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
