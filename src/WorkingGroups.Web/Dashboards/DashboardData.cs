using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;

namespace WorkingGroups.Web.Dashboards;

/// <summary>Loads the processes a dashboard reads, and checks the date it is asked for.</summary>
internal sealed class DashboardData(ProcessService service, ReminderService reminders, IClock clock)
{
    public Task<Dictionary<(Guid ProcessId, string BodyId), int>> RemindersSentAsync(DateOnly asOf, CancellationToken ct) =>
        reminders.SentToBodiesAsync(asOf, ct);

    public async Task<(IReadOnlyList<ProcessOnDefinition> Processes, DateOnly AsOf)> LoadAsync(DateOnly? asOf, string? country, CancellationToken ct)
    {
        var today = clock.Today;
        if (asOf > today) throw DomainRuleException.Invalid("asOf", "date-in-future", "asOf", asOf, today);
        var processes = await service.ListAsync(string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant(), null, ct);
        return (processes.Select(p => new ProcessOnDefinition(p, service.DefinitionOf(p))).ToList(), asOf ?? today);
    }
}
