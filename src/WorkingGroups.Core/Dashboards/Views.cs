using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Dashboards;

/// <summary>A process with the definition version it runs on.</summary>
public sealed record ProcessOnDefinition(Process Process, ProcessDefinition Definition);

public sealed record PortfolioRow(
    Guid Id, string Country, string Title, string DefinitionId, ProcessStatus Status, DateOnly StartedOn, DateOnly? EndedOn,
    int ElapsedDays, int BenchmarkDays, int DaysOver, BenchmarkState State, IReadOnlyList<string> CurrentSteps);

/// <summary>One step of one process: how long it took, or has taken so far.</summary>
public sealed record StepSpan(
    Guid ProcessId, string ProcessTitle, string Country, string DefinitionId, string StepId, StepKind Kind,
    DateOnly ActivatedOn, DateOnly? CompletedOn, int Days, int BenchmarkDays, BenchmarkState State, bool Running, int SentBack);

public sealed record Exceeding(Guid ProcessId, string ProcessTitle, int Days, bool Running);

/// <summary>
/// Durations of one step (or one step kind) across processes, against its benchmark; <c>SentBack</c> counts the
/// times it was returned for revision (each an extra round).
/// </summary>
public sealed record StepStatistics(
    string DefinitionId, string Country, string StepId, StepKind Kind, int BenchmarkDays, int Count, int Running,
    double? MedianDays, double? P90Days, int? MaxDays, bool MedianOverTarget, int SentBack, IReadOnlyList<Exceeding> Exceeded);

public sealed record KindStatistics(StepKind Kind, int Count, double? MedianDays, double? P90Days, int? MaxDays, double? MedianShareOfBenchmark);

public sealed record CountrySummary(
    string Country, string DefinitionId, int BenchmarkDays, int Processes, int Established, int Active,
    double? MedianDaysToEstablish, IReadOnlyList<PhaseSummary> Phases);

public sealed record PhaseSummary(string StepId, int BenchmarkDays, double? MedianDays, int Count);

public sealed record AgencySummary(
    string Country, string BodyId, int Invited, int Answered, int Pending, double? MedianDaysToAnswer, int? MaxDaysToAnswer,
    int? LongestPendingDays, int RemindersSent);
