using WorkingGroups.Core.Calendars;
using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Core.Processes;

/// <summary>
/// One country's establishment of its working group (or a change of its composition), on the definition version it
/// started with. This is the engine: every command checks its rules, records its facts, opens every step whose
/// prerequisites are now all done and finishes the process when its last step is done, all in the same call, so that
/// one command is one transaction for whoever saves it.
/// </summary>
public sealed class Process
{
    private readonly List<ProcessStep> _steps = [];

    private Process() { }

    public Guid Id { get; private set; }
    public string DefinitionId { get; private set; } = "";
    public int DefinitionVersion { get; private set; }
    public string Country { get; private set; } = "";
    public string Title { get; private set; } = "";
    public ProcessStatus Status { get; private set; }
    public DateOnly StartedOn { get; private set; }
    /// <summary>The completion date of its last step, once established.</summary>
    public DateOnly? EstablishedOn { get; private set; }
    public DateOnly? CancelledOn { get; private set; }
    public string? CancelReason { get; private set; }
    public int BenchmarkDays { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    /// <summary>Optimistic concurrency: every command changes it, so of two racing commands only one can save.</summary>
    public Guid Version { get; private set; }
    public IReadOnlyList<ProcessStep> Steps => _steps;

    public ProcessStep? Step(string stepId) => _steps.FirstOrDefault(s => s.StepId == stepId);

    /// <summary>Days from the start to the end, or to today while running, in the benchmark's unit (calendar days when no ruler is given).</summary>
    public int ElapsedDays(DateOnly today, DayRuler? ruler = null) => (ruler ?? DayRuler.Calendar).Between(StartedOn, EstablishedOn ?? CancelledOn ?? today);

    public BenchmarkState State(DateOnly today, DayRuler? ruler = null) => Elapsed.State(ElapsedDays(today, ruler), BenchmarkDays, Status == ProcessStatus.Active);

    /// <summary>The date a step becomes active: the last completion among the steps it waits for, or the start.</summary>
    public DateOnly ActivationDate(StepDefinition step) =>
        step.After.Select(a => Step(a)?.CompletedOn ?? StartedOn).DefaultIfEmpty(StartedOn).Max();

    /// <summary>Whether every step the given one waits for is done.</summary>
    public bool PrerequisitesDone(StepDefinition step) => step.After.All(a => Step(a)?.Status == StepStatus.Done);

    /// <summary>A new process on <paramref name="definition"/>, its first steps open on the start date.</summary>
    public static Process Start(ProcessDefinition definition, DateOnly startedOn, string? title, string user, DateTime now, DateOnly today)
    {
        if (startedOn > today)
            throw DomainRuleException.Invalid("startedOn", "start-in-future", "startedOn", startedOn, today);
        if (startedOn < ProcessRules.EarliestStart)
            throw DomainRuleException.Invalid("startedOn", "start-too-early", "startedOn", startedOn, ProcessRules.EarliestStart);
        ProcessRules.Text("title", title, ProcessRules.MaxText);

        var process = new Process
        {
            Id = Guid.NewGuid(),
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            Country = definition.Country,
            Title = string.IsNullOrWhiteSpace(title) ? definition.Title.Get("en") : title.Trim(),
            Status = ProcessStatus.Active,
            StartedOn = startedOn,
            BenchmarkDays = definition.Benchmark.Days,
            CreatedAt = now,
            CreatedBy = user,
            Version = Guid.NewGuid(),
        };
        process._steps.AddRange(definition.Steps.Select((s, i) => new ProcessStep(process.Id, s, i)));
        process.Advance(definition);
        return process;
    }

    /// <summary>Records a step done; an invitations step closes with the bodies that never answered recorded as such.</summary>
    public Advance Complete(ProcessDefinition definition, string stepId, CompleteStep command, DateOnly today)
    {
        var (step, stepDefinition) = ActiveStep(definition, stepId);
        ProcessRules.MustBeActive(this, stepDefinition, step);
        ProcessRules.BusinessDate("completedOn", command.CompletedOn, today, step.ActivatedOn!.Value, DateAnchor.StepActivated, new StepRef(stepId));
        ProcessRules.Text("note", command.Note, ProcessRules.MaxNote);
        ProcessRules.Evidence(command.Evidence, today);

        step.Record(command.Note, command.Evidence);
        step.CloseInvitations();
        step.Finish(command.CompletedOn);
        Touch();
        return Advance(definition);
    }

    /// <summary>Records a body's answer; the last answer completes the step on the date of the latest one.</summary>
    public Advance Answer(ProcessDefinition definition, string stepId, string bodyId, AnswerInvitation command, DateOnly today)
    {
        var (step, stepDefinition) = ActiveStep(definition, stepId);
        if (stepDefinition.Kind != StepKind.Invitations)
            throw DomainRuleException.Conflict("not-an-invitations-step", new StepRef(stepId));
        ProcessRules.MustBeActive(this, stepDefinition, step);
        var invitation = step.Invitations.FirstOrDefault(i => i.BodyId == bodyId)
            ?? throw DomainRuleException.Conflict("not-invited", new BodyRef(bodyId), new StepRef(stepId), step.Invitations.Select(i => new BodyRef(i.BodyId)).ToList());
        if (invitation.Status != InvitationStatus.Pending)
            throw DomainRuleException.Conflict("already-answered", new BodyRef(bodyId), invitation.Status, invitation.RespondedOn);
        ProcessRules.BusinessDate("respondedOn", command.RespondedOn, today, invitation.SentOn, DateAnchor.InvitationSent);
        ProcessRules.Nominee(command.Nominee, required: command.Response == InvitationResponse.Accepted);
        ProcessRules.Text("reason", command.Reason, ProcessRules.MaxNote);

        invitation.Answer(command);
        step.Touch();
        if (step.Invitations.All(i => i.Status != InvitationStatus.Pending)) step.Finish(step.Invitations.Max(i => i.RespondedOn)!.Value);
        Touch();
        return Advance(definition);
    }

    /// <summary>
    /// Whether a document can be kept with a step (or one body's answer in it): any step of the definition, for the
    /// signed scan often arrives after the step is recorded; an answer only from a body that was invited. A cancelled
    /// process's record is closed, as for corrections.
    /// </summary>
    public void AcceptsDocument(ProcessDefinition definition, string stepId, string? bodyId)
    {
        var step = KnownStep(definition, stepId).Step;
        if (Status == ProcessStatus.Cancelled)
            throw DomainRuleException.Conflict("record-closed");
        if (bodyId is not null && step.Invitations.All(i => i.BodyId != bodyId))
            throw DomainRuleException.NotFound("not-invited", new BodyRef(bodyId), new StepRef(stepId), step.Invitations.Select(i => new BodyRef(i.BodyId)).ToList());
    }

    /// <summary>
    /// Corrects what was recorded: elapsed times follow, and the steps after a corrected date start on the new one.
    /// Returns false, changing nothing, when every value given is the one already recorded.
    /// </summary>
    public bool Correct(ProcessDefinition definition, string stepId, CorrectStep command, DateOnly today)
    {
        var step = KnownStep(definition, stepId).Step;
        if (Status == ProcessStatus.Cancelled)
            throw DomainRuleException.Conflict("record-closed");
        if (step.Status == StepStatus.Blocked)
            throw DomainRuleException.Conflict("nothing-to-correct", new StepRef(stepId));
        ProcessRules.Text("note", command.Note, ProcessRules.MaxNote);
        ProcessRules.Evidence(command.Evidence, today);
        if ((command.CompletedOn is null || command.CompletedOn == step.CompletedOn)
            && (command.Note is null || command.Note == step.Note)
            && (command.Evidence is null || command.Evidence.SequenceEqual(step.Evidence)))
            return false;

        if (command.CompletedOn is { } completedOn)
        {
            if (step.Status != StepStatus.Done)
                throw DomainRuleException.Invalid("completedOn", "correct-not-completed", new StepRef(stepId));
            ProcessRules.BusinessDate("completedOn", completedOn, today, step.ActivatedOn!.Value, DateAnchor.StepActivated, new StepRef(stepId));
            Reactivate(definition, step, completedOn);
        }
        step.Record(command.Note, command.Evidence);
        Touch();
        return true;
    }

    /// <summary>
    /// Reopens a done step from <see cref="SendBackStep.SentBackOn"/> for another round (a ministry returns a draft with
    /// comments). The steps after it that opened but have nothing recorded go back to waiting; one with recorded progress
    /// refuses it, so that nothing recorded is lost.
    /// </summary>
    public void SendBack(ProcessDefinition definition, string stepId, SendBackStep command, DateOnly today)
    {
        var (step, _) = ActiveStep(definition, stepId);
        if (step.Status != StepStatus.Done)
            throw DomainRuleException.Conflict("send-back-not-done", new StepRef(stepId), step.Status);
        ProcessRules.BusinessDate("sentBackOn", command.SentBackOn, today, step.CompletedOn!.Value, DateAnchor.StepCompleted, new StepRef(stepId));
        ProcessRules.Text("reason", command.Reason, ProcessRules.MaxNote, required: true);

        var later = Dependents(definition, stepId);
        if (later.FirstOrDefault(s => s.HasProgress) is { } recorded)
            throw DomainRuleException.Conflict("send-back-later-progress", new StepRef(stepId), new StepRef(recorded.StepId));
        foreach (var waiting in later.Where(s => s.Status == StepStatus.Active)) waiting.Block();
        step.Reopen(command.SentBackOn, command.Reason.Trim());
        Touch();
    }

    public void Cancel(CancelProcess command, DateOnly today)
    {
        if (Status != ProcessStatus.Active)
            throw DomainRuleException.Conflict("cancel-not-active", Status);
        ProcessRules.BusinessDate("cancelledOn", command.CancelledOn, today, StartedOn, DateAnchor.ProcessStart);
        ProcessRules.Text("reason", command.Reason, ProcessRules.MaxNote, required: true);
        Status = ProcessStatus.Cancelled;
        CancelledOn = command.CancelledOn;
        CancelReason = command.Reason.Trim();
        Touch();
    }

    /// <summary>
    /// Opens every step whose prerequisites are all done (activation date: the latest of their completions) and finishes
    /// the process when every step is done. Idempotent: a process that has caught up is left as it is.
    /// </summary>
    public Advance Advance(ProcessDefinition definition)
    {
        if (Status != ProcessStatus.Active) return new Advance([], false);
        var opened = new List<string>();
        foreach (var stepDefinition in definition.Steps)
        {
            var step = Step(stepDefinition.Id)!;
            if (step.Status != StepStatus.Blocked || !PrerequisitesDone(stepDefinition)) continue;
            step.Open(stepDefinition, ActivationDate(stepDefinition));
            opened.Add(step.StepId);
        }
        // Only a move changes the version: a catch-up that finds nothing to do must not conflict with a coordinator's command.
        if (opened.Count > 0) Touch();
        if (_steps.Any(s => s.Status != StepStatus.Done)) return new Advance(opened, false);
        Status = ProcessStatus.Established;
        EstablishedOn = _steps.Max(s => s.CompletedOn);
        Touch();
        return new Advance(opened, true);
    }

    /// <summary>
    /// After a corrected completion date, steps that followed it start on the new date. Checked before anything
    /// changes: a step completed before its new start refuses the correction.
    /// </summary>
    private void Reactivate(ProcessDefinition definition, ProcessStep corrected, DateOnly completedOn)
    {
        var moved = new List<(ProcessStep Step, DateOnly ActivatedOn)>();
        foreach (var stepDefinition in definition.Steps)
        {
            var step = Step(stepDefinition.Id)!;
            if (step.Status == StepStatus.Blocked || stepDefinition.After.Count == 0 || step.Rounds.Count > 0) continue;
            var activatedOn = stepDefinition.After
                .Select(a => a == corrected.StepId ? completedOn : Step(a)?.CompletedOn ?? StartedOn).DefaultIfEmpty(StartedOn).Max();
            if (step.CompletedOn is { } done && done < activatedOn)
                throw DomainRuleException.Invalid("completedOn", "correction-breaks-order", new StepRef(step.StepId), activatedOn, done);
            moved.Add((step, activatedOn));
        }
        corrected.Finish(completedOn);
        foreach (var (step, activatedOn) in moved) step.MoveActivation(activatedOn);
        if (Status == ProcessStatus.Established) EstablishedOn = _steps.Max(s => s.CompletedOn);
    }

    /// <summary>Every step that waits, directly or through others, for <paramref name="stepId"/>, in the definition's order.</summary>
    private List<ProcessStep> Dependents(ProcessDefinition definition, string stepId)
    {
        var after = new HashSet<string> { stepId };
        foreach (var stepDefinition in definition.Steps)
            if (stepDefinition.After.Any(after.Contains)) after.Add(stepDefinition.Id);
        after.Remove(stepId);
        return definition.Steps.Where(s => after.Contains(s.Id)).Select(s => Step(s.Id)!).ToList();
    }

    private (ProcessStep Step, StepDefinition Definition) ActiveStep(ProcessDefinition definition, string stepId)
    {
        CheckDefinition(definition);
        return ProcessRules.ActiveProcessStep(this, definition, stepId);
    }

    private (ProcessStep Step, StepDefinition Definition) KnownStep(ProcessDefinition definition, string stepId)
    {
        CheckDefinition(definition);
        var stepDefinition = definition.FindStep(stepId) ?? throw ProcessRules.UnknownStep(definition, stepId);
        return (Step(stepId)!, stepDefinition);
    }

    /// <summary>A caller's mistake, not the user's: a process runs on the definition version it started with.</summary>
    private void CheckDefinition(ProcessDefinition definition)
    {
        if (definition.Id != DefinitionId || definition.Version != DefinitionVersion)
            throw new ArgumentException($"Process {Id} runs on {DefinitionId} v{DefinitionVersion}, not {definition.Id} v{definition.Version}.", nameof(definition));
    }

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>What a command moved on: the steps it opened, and whether it established the process.</summary>
public sealed record Advance(IReadOnlyList<string> Opened, bool Established);
