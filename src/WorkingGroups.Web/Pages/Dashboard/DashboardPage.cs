using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Web.Dashboards;
using WorkingGroups.Web.Localization;

namespace WorkingGroups.Web.Pages.Dashboard;

/// <summary>What every dashboard page shares: the processes, the "as of" date and the country filter.</summary>
internal abstract class DashboardPage(DashboardData data, DefinitionCatalog catalog, IStringLocalizer t) : PageModel
{
    protected DashboardData Data => data;

    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }

    public DateOnly Date { get; private set; }
    public IReadOnlyList<ProcessOnDefinition> Processes { get; private set; } = [];
    public IReadOnlyList<string> Countries => catalog.Countries;
    public string? Error { get; private set; }

    public virtual async Task OnGetAsync(CancellationToken ct)
    {
        DateOnly? asOf = null;
        if (!string.IsNullOrWhiteSpace(AsOf))
        {
            var form = new Processes.FormState();
            asOf = form.Date("asOf", AsOf, t, required: false);
            if (asOf is null) Error = t["Form.NotADate", AsOf];
        }
        try
        {
            (Processes, Date) = await data.LoadAsync(asOf, Country, ct);
        }
        catch (DomainRuleException ex)
        {
            Error = t.Rule(ex, null);
            (Processes, Date) = await data.LoadAsync(null, Country, ct);
        }
        if (Error is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    public ProcessDefinition DefinitionOf(string definitionId) => Processes.First(p => p.Process.DefinitionId == definitionId).Definition;

    public string Query => $"?asOf={Date:yyyy-MM-dd}" + (string.IsNullOrEmpty(Country) ? "" : $"&country={Country}");
}
