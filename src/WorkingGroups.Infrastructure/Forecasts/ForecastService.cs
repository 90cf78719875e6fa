using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Forecasts;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Forecasts;

/// <summary>
/// The forecasts one request shows. Scoped: the history (every process of a country, or of all) is read once and its
/// duration estimates built once per date, however many processes the page or answer forecasts.
/// </summary>
public sealed class ForecastService(ProcessService processes, Hosting.IClock clock)
{
    private readonly Dictionary<(string? Country, DateOnly AsOf), ForecastHistory> _histories = [];
    private readonly Dictionary<string, IReadOnlyList<ProcessOnDefinition>> _loaded = [];

    /// <summary>
    /// The day count of a definition's processes: calendar days for now. The working calendars plug in here, and the
    /// whole forecast follows.
    /// </summary>
    public static IDayCount UnitOf(ProcessDefinition definition) => CalendarDays.Instance;

    /// <summary>The history of processes a caller has already read: all of the installation's, or all of one country's.</summary>
    public ForecastHistory History(IReadOnlyList<ProcessOnDefinition> all, string? country, DateOnly asOf)
    {
        if (!_histories.TryGetValue((country, asOf), out var history))
            _histories[(country, asOf)] = history = new ForecastHistory(all, asOf, UnitOf);
        return history;
    }

    /// <summary>A process's forecast as of a date (default today in its country), from its country's history; null unless it was running.</summary>
    public async Task<Forecast?> OfAsync(Process p, DateOnly? asOf, CancellationToken ct)
    {
        var date = asOf ?? clock.TodayIn(p.Country);
        if (!_histories.TryGetValue((p.Country, date), out var history))
        {
            if (!_loaded.TryGetValue(p.Country, out var all))
                _loaded[p.Country] = all = (await processes.ListAsync(p.Country, null, ct)).Select(x => new ProcessOnDefinition(x, processes.DefinitionOf(x))).ToList();
            history = History(all, p.Country, date);
        }
        return Forecaster.Of(p, processes.DefinitionOf(p), history);
    }
}
