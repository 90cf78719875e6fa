using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Dashboards;

/// <summary>One step of one process: how long it took, or has taken so far.</summary>
public sealed record StepSpan(
    Guid ProcessId, string ProcessTitle, string Country, string DefinitionId, string StepId, StepKind Kind,
    DateOnly ActivatedOn, DateOnly? CompletedOn, int Days, int BenchmarkDays, BenchmarkState State, bool Running, int SentBack);
