using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Core.Processes;

/// <summary>One country's establishment of its working group, on the definition version it started with.</summary>
public sealed class Process
{
    public Guid Id { get; set; }
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    public required string Country { get; set; }
    public required string Title { get; set; }
    public ProcessStatus Status { get; set; }
    public DateOnly StartedOn { get; set; }
    /// <summary>The completion date of its last step, once established.</summary>
    public DateOnly? EstablishedOn { get; set; }
    public DateOnly? CancelledOn { get; set; }
    public string? CancelReason { get; set; }
    public int BenchmarkDays { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>The engine instance that drives it (null until the engine has it).</summary>
    public string? EngineInstanceId { get; set; }
    /// <summary>Optimistic concurrency: changed by the app on every write.</summary>
    public Guid Version { get; set; }
    public List<ProcessStep> Steps { get; set; } = [];

    public ProcessStep? Step(string stepId) => Steps.FirstOrDefault(s => s.StepId == stepId);

    public int ElapsedDays(DateOnly today) => Elapsed.Days(StartedOn, EstablishedOn ?? CancelledOn, today);

    public BenchmarkState State(DateOnly today) => Elapsed.State(ElapsedDays(today), BenchmarkDays, Status == ProcessStatus.Active);

    /// <summary>The date a step becomes active: the last completion among the steps it waits for, or the start.</summary>
    public DateOnly ActivationDate(StepDefinition step) =>
        step.After.Select(a => Step(a)?.CompletedOn ?? StartedOn).DefaultIfEmpty(StartedOn).Max();

    /// <summary>Whether every step the given one waits for is done.</summary>
    public bool PrerequisitesDone(StepDefinition step) => step.After.All(a => Step(a)?.Status == StepStatus.Done);
}

public sealed class ProcessStep
{
    public Guid ProcessId { get; set; }
    public required string StepId { get; set; }
    public int Order { get; set; }
    public StepStatus Status { get; set; }
    public DateOnly? ActivatedOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Note { get; set; }
    public List<Evidence> Evidence { get; set; } = [];
    public int BenchmarkDays { get; set; }
    public Guid Version { get; set; }
    public List<Invitation> Invitations { get; set; } = [];

    public int? ElapsedDays(DateOnly today) => ActivatedOn is { } from ? Elapsed.Days(from, CompletedOn, today) : null;

    public BenchmarkState? State(DateOnly today) => ElapsedDays(today) is { } days ? Elapsed.State(days, BenchmarkDays, CompletedOn is null) : null;
}

public sealed class Invitation
{
    public Guid ProcessId { get; set; }
    public required string StepId { get; set; }
    public required string BodyId { get; set; }
    public InvitationStatus Status { get; set; }
    public DateOnly SentOn { get; set; }
    public DateOnly? RespondedOn { get; set; }
    public Nominee? Nominee { get; set; }
    public string? Reason { get; set; }
    public Guid Version { get; set; }
}
