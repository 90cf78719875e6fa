using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Dashboards;

public sealed record PhaseSummary(string StepId, int BenchmarkDays, double? MedianDays, int Count);
