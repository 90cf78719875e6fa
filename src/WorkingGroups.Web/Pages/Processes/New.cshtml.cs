using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Web.Auth;

namespace WorkingGroups.Web.Pages.Processes;

/// <summary>Starts a process from a definition of a country the user coordinates.</summary>
internal sealed class NewModel(ProcessService service, DefinitionCatalog catalog, IStringLocalizer t) : PageModel
{
    [BindProperty] public string? DefinitionId { get; set; }
    [BindProperty] public string? StartedOn { get; set; }
    [BindProperty] public string? Title { get; set; }

    public FormState Form { get; } = new() { Posted = "start" };

    public IReadOnlyList<ProcessDefinition> Definitions =>
        catalog.All.Where(d => User.CanCoordinate(d.Country) && catalog.Find(d.Id, null) == d).ToList();

    public IActionResult OnGet(string? definition)
    {
        if (Definitions.Count == 0) return Forbid();
        DefinitionId = definition;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var definition = catalog.Find(DefinitionId ?? "", null);
        if (definition is null) Form.Add("definitionId", t["Form.ChooseDefinition"]);
        else if (!User.CanCoordinate(definition.Country)) return Forbid();
        var startedOn = Form.Date("startedOn", StartedOn, t, required: true);
        if (Form.HasErrors) return Page();
        try
        {
            var process = await service.StartAsync(new StartProcess(definition!.Id, null, startedOn!.Value, Title), User.Who(), ct);
            return Redirect($"/processes/{process.Id}");
        }
        catch (DomainRuleException ex)
        {
            Form.Add(ex, t, definition);
            return Page();
        }
    }
}
