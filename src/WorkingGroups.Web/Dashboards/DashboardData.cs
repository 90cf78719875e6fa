using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Forecasts;
using WorkingGroups.Infrastructure.Forecasts;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;

namespace WorkingGroups.Web.Dashboards;

/// <summary>Loads the processes a dashboard reads, and checks the date it is asked for.</summary>
internal sealed class DashboardData(ProcessService service, ReminderService reminders, ForecastService forecasts, IClock clock)
{
    public Task<Dictionary<(Guid ProcessId, string BodyId), int>> RemindersSentAsync(DateOnly asOf, CancellationToken ct) =>
        reminders.SentToBodiesAsync(asOf, ct);

    /// <summary>The history the loaded processes are forecast from (built once per request and date).</summary>
    public ForecastHistory History(IReadOnlyList<ProcessOnDefinition> processes, string? country, DateOnly asOf) => forecasts.History(processes, country, asOf);

    public async Task<(IReadOnlyList<ProcessOnDefinition> Processes, DateOnly AsOf)> LoadAsync(DateOnly? asOf, string? country, CancellationToken ct)
    {
        var today = clock.Today;
        if (asOf > today) throw DomainRuleException.Invalid("asOf", "date-in-future", "asOf", asOf, today);
        var processes = await service.ListAsync(string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant(), null, ct);
        return (processes.Select(p => new ProcessOnDefinition(p, service.DefinitionOf(p))).ToList(), asOf ?? today);
    }
}
