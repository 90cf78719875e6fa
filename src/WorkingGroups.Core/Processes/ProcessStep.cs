using WorkingGroups.Core.Calendars;
using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Core.Processes;

/// <summary>One step of a process. It changes only through <see cref="Process"/>'s commands.</summary>
public sealed class ProcessStep
{
    private readonly List<Invitation> _invitations = [];

    private ProcessStep() { }

    internal ProcessStep(Guid processId, StepDefinition definition, int order)
    {
        ProcessId = processId;
        StepId = definition.Id;
        Order = order;
        Status = StepStatus.Blocked;
        BenchmarkDays = definition.Benchmark.Days;
        Version = Guid.NewGuid();
    }

    public Guid ProcessId { get; private set; }
    public string StepId { get; private set; } = "";
    public int Order { get; private set; }
    public StepStatus Status { get; private set; }
    /// <summary>When the current round began: the prerequisites' last completion, or the date it was sent back.</summary>
    public DateOnly? ActivatedOn { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public string? Note { get; private set; }
    public IReadOnlyList<Evidence> Evidence { get; private set; } = [];
    public int BenchmarkDays { get; private set; }
    public Guid Version { get; private set; }
    public IReadOnlyList<Invitation> Invitations => _invitations;
    /// <summary>The earlier rounds of a step sent back for revision, oldest first; the current round is not among them.</summary>
    public IReadOnlyList<StepRound> Rounds { get; private set; } = [];

    /// <summary>
    /// Days the step has taken, in its benchmark's unit (calendar days when no ruler is given): every earlier round,
    /// then the current one until its completion or today.
    /// </summary>
    public int? ElapsedDays(DateOnly today, DayRuler? ruler = null) =>
        ActivatedOn is { } from ? Rounds.Sum(r => r.DaysBy(ruler)) + (ruler ?? DayRuler.Calendar).Between(from, CompletedOn ?? today) : null;

    public BenchmarkState? State(DateOnly today, DayRuler? ruler = null) =>
        ElapsedDays(today, ruler) is { } days ? Elapsed.State(days, BenchmarkDays, CompletedOn is null) : null;

    /// <summary>Whether something is recorded on the step: a completion, a note, evidence (kept from an earlier round too) or an answer.</summary>
    public bool HasProgress =>
        Status == StepStatus.Done || Note is not null || Evidence.Count > 0 || _invitations.Any(i => i.Status != InvitationStatus.Pending);

    internal void Open(StepDefinition definition, DateOnly activatedOn)
    {
        Status = StepStatus.Active;
        ActivatedOn = activatedOn;
        if (definition.Kind == StepKind.Invitations)
            foreach (var bodyId in definition.Invitees) _invitations.Add(new Invitation(ProcessId, StepId, bodyId, activatedOn));
        Touch();
    }

    /// <summary>Back to waiting for a step sent back before it: nothing was recorded in it, so nothing is lost.</summary>
    internal void Block()
    {
        Status = StepStatus.Blocked;
        ActivatedOn = null;
        _invitations.Clear();
        Touch();
    }

    internal void Record(string? note, IReadOnlyList<Evidence>? evidence)
    {
        Note = note ?? Note;
        Evidence = evidence?.ToList() ?? Evidence;
        Touch();
    }

    /// <summary>Closing the invitations: the bodies that never answered are recorded as such.</summary>
    internal void CloseInvitations()
    {
        foreach (var invitation in _invitations.Where(i => i.Status == InvitationStatus.Pending)) invitation.CloseUnanswered();
    }

    internal void Finish(DateOnly completedOn)
    {
        Status = StepStatus.Done;
        CompletedOn = completedOn;
        Touch();
    }

    internal void Reopen(DateOnly sentBackOn, string reason)
    {
        Rounds = [.. Rounds, new StepRound(ActivatedOn!.Value, CompletedOn!.Value, sentBackOn, reason)];
        Status = StepStatus.Active;
        ActivatedOn = sentBackOn;
        CompletedOn = null;
        Touch();
    }

    internal void MoveActivation(DateOnly activatedOn)
    {
        if (ActivatedOn == activatedOn) return;
        ActivatedOn = activatedOn;
        Touch();
    }

    /// <summary>Concurrent changes to one step conflict, so that exactly one of two last answers completes it.</summary>
    internal void Touch() => Version = Guid.NewGuid();
}

/// <summary>An earlier round of a step: active from one date, completed, then sent back for revision with a reason.</summary>
public sealed record StepRound(DateOnly ActivatedOn, DateOnly CompletedOn, DateOnly SentBackOn, string Reason)
{
    public int Days => Elapsed.Days(ActivatedOn, CompletedOn);

    public int DaysBy(DayRuler? ruler) => (ruler ?? DayRuler.Calendar).Between(ActivatedOn, CompletedOn);
}

/// <summary>One body invited in an invitations step.</summary>
public sealed class Invitation
{
    private Invitation() { }

    internal Invitation(Guid processId, string stepId, string bodyId, DateOnly sentOn)
    {
        ProcessId = processId;
        StepId = stepId;
        BodyId = bodyId;
        Status = InvitationStatus.Pending;
        SentOn = sentOn;
        Version = Guid.NewGuid();
    }

    public Guid ProcessId { get; private set; }
    public string StepId { get; private set; } = "";
    public string BodyId { get; private set; } = "";
    public InvitationStatus Status { get; private set; }
    public DateOnly SentOn { get; private set; }
    public DateOnly? RespondedOn { get; private set; }
    public Nominee? Nominee { get; private set; }
    public string? Reason { get; private set; }
    public Guid Version { get; private set; }

    internal void Answer(AnswerInvitation command)
    {
        Status = command.Response == InvitationResponse.Accepted ? InvitationStatus.Accepted : InvitationStatus.Declined;
        RespondedOn = command.RespondedOn;
        Nominee = command.Response == InvitationResponse.Accepted ? command.Nominee : null;
        Reason = command.Reason;
        Version = Guid.NewGuid();
    }

    internal void CloseUnanswered()
    {
        Status = InvitationStatus.NoResponse;
        Version = Guid.NewGuid();
    }
}
