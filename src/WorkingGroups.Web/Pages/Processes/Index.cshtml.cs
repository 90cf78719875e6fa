using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkingGroups.Core.Calendars;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Forecasts;
using WorkingGroups.Infrastructure.Forecasts;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Web.Auth;

namespace WorkingGroups.Web.Pages.Processes;

/// <summary>Every process with its elapsed time against the benchmark; filter by country and status.</summary>
internal sealed class IndexModel(ProcessService service, ForecastService forecasts, DefinitionCatalog catalog) : PageModel
{
    public IReadOnlyList<(Process Process, ProcessDefinition Definition)> Processes { get; private set; } = [];
    public IReadOnlyList<string> Countries => catalog.Countries;
    public string? Country { get; private set; }
    public ProcessStatus? Status { get; private set; }
    /// <summary>The running processes' forecasts, by process.</summary>
    public Dictionary<Guid, Forecast> Forecasts { get; } = [];
    /// <summary>Today in the process's country, and what its benchmarks count.</summary>
    public (DateOnly Today, DayRuler Ruler) TimeOf(Process process) => service.TimeOf(process);
    public bool CanStart => catalog.All.Any(d => User.CanCoordinate(d.Country));

    public async Task OnGetAsync(string? country, string? status, CancellationToken ct)
    {
        Country = string.IsNullOrWhiteSpace(country) ? null : country.ToUpperInvariant();
        Status = Enum.TryParse<ProcessStatus>(status, ignoreCase: true, out var s) ? s : null;
        Processes = (await service.ListAsync(Country, Status, ct)).Select(p => (p, service.DefinitionOf(p))).ToList();
        foreach (var (p, _) in Processes)
            if (await forecasts.OfAsync(p, service.TimeOf(p).Today, ct) is { } forecast) Forecasts[p.Id] = forecast;
    }
}
