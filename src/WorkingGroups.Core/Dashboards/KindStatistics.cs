using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Dashboards;

public sealed record KindStatistics(StepKind Kind, int Count, double? MedianDays, double? P90Days, int? MaxDays, double? MedianShareOfBenchmark);
