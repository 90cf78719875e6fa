using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Dashboards;

/// <summary>
/// Durations of one step (or one step kind) across processes, against its benchmark; <c>SentBack</c> counts the
/// times it was returned for revision (each an extra round).
/// </summary>
public sealed record StepStatistics(
    string DefinitionId, string Country, string StepId, StepKind Kind, int BenchmarkDays, int Count, int Running,
    double? MedianDays, double? P90Days, int? MaxDays, bool MedianOverTarget, int SentBack, IReadOnlyList<Exceeding> Exceeded);
