using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Dashboards;

public sealed record CountrySummary(
    string Country, string DefinitionId, int BenchmarkDays, int Processes, int Established, int Active,
    double? MedianDaysToEstablish, IReadOnlyList<PhaseSummary> Phases);
