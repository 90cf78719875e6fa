using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Forecasts;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Dashboards;

public sealed record PortfolioRow(
    Guid Id, string Country, string Title, string DefinitionId, ProcessStatus Status, DateOnly StartedOn, DateOnly? EndedOn,
    int ElapsedDays, int BenchmarkDays, int DaysOver, BenchmarkState State, IReadOnlyList<string> CurrentSteps)
{
    /// <summary>When a running process is likely to be established, as of the dashboard's date; null for the others.</summary>
    public Forecast? Forecast { get; init; }
}
