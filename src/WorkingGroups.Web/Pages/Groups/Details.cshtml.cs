using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Groups;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Web.Auth;

namespace WorkingGroups.Web.Pages.Groups;

/// <summary>A group's composition on any date, its renames and representatives, and the amendments of its composition.</summary>
internal sealed class DetailsModel(GroupService groups, AmendmentService amendments, ProcessService processes, DefinitionCatalog catalog,
    DefinitionVersions versions, IStringLocalizer t) : GroupPageModel<CompositionForm>(groups, versions, t)
{
    public DateOnly AsOf { get; private set; }
    public Composition Composition => Group.CompositionOn(AsOf);
    public IReadOnlyList<(Amendment Amendment, Process? Process)> Amendments { get; private set; } = [];
    public IReadOnlyList<ProcessDefinition> AmendmentDefinitions => catalog.Latest
        .Where(d => d.Kind == DefinitionKind.MembershipChange && d.Country == Group.Country).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, string? asOf, CancellationToken ct)
    {
        if (!await LoadGroupAsync(id, ct)) return NotFound();
        AsOf = DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : Today;
        return Page();
    }

    public Task<IActionResult> OnPostRenameAsync(Guid id, CancellationToken ct) => ChangeAsync(id, "rename", async () =>
    {
        var on = Form.Date("effectiveOn", Input.EffectiveOn, T, required: true);
        if (Form.HasErrors) return false;
        // English and Russian are required (the rule says so); a language left blank has no name of its own.
        var name = Input.Names.Where(n => LocalizedText.RequiredLanguages.Contains(n.Key) || !string.IsNullOrWhiteSpace(n.Value))
            .ToDictionary(n => n.Key, n => n.Value ?? "");
        await Groups.RenameBodyAsync(id, Input.BodyId ?? "", new RenameBody(new LocalizedText(name), on!.Value), ct);
        return true;
    }, ct);

    public Task<IActionResult> OnPostRepresentativeAsync(Guid id, CancellationToken ct) => ChangeAsync(id, "representative", async () =>
    {
        var on = Form.Date("effectiveOn", Input.EffectiveOn, T, required: true);
        if (Form.HasErrors) return false;
        var person = new Nominee(Input.Name?.Trim() ?? "", Blank(Input.Position), Blank(Input.Email));
        await Groups.ChangeRepresentativeAsync(id, Input.BodyId ?? "", new ChangeRepresentative(person, on!.Value), ct);
        return true;
    }, ct);

    public Task<IActionResult> OnPostAmendAsync(Guid id, CancellationToken ct) => ChangeAsync(id, "amend", async () =>
    {
        var on = Form.Date("startedOn", Input.EffectiveOn, T, required: true);
        if (string.IsNullOrWhiteSpace(Input.DefinitionId)) Form.Add("definitionId", T["Form.ChooseDefinition"]);
        if (Form.HasErrors) return false;
        await amendments.StartAsync(id, new StartAmendment(Input.DefinitionId!, on!.Value, null, Input.Withdraw), User.Who(), ct);
        return true;
    }, ct);

    protected override async Task LoadPageAsync(CancellationToken ct)
    {
        AsOf = Today;
        var list = new List<(Amendment, Process?)>();
        foreach (var a in await amendments.ListAsync(Group.Id, ct)) list.Add((a, await processes.FindAsync(a.ProcessId, ct)));
        Amendments = list;
    }

}

/// <summary>The fields of the composition forms; each form uses the ones it needs.</summary>
internal sealed class CompositionForm
{
    public string? BodyId { get; set; }
    /// <summary>A body's new name by language, one field for each language the app has texts for.</summary>
    public Dictionary<string, string?> Names { get; set; } = [];
    public string? Name { get; set; }
    public string? Position { get; set; }
    public string? Email { get; set; }
    public string? EffectiveOn { get; set; }
    public string? DefinitionId { get; set; }
    public List<string> Withdraw { get; set; } = [];
}
