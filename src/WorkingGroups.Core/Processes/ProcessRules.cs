using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Core.Processes;

/// <summary>What a business date may not precede.</summary>
public enum DateAnchor { StepActivated, StepCompleted, InvitationSent, ProcessStart }

/// <summary>The rules a change must satisfy before it is recorded. Each failure names its field or step.</summary>
public static class ProcessRules
{
    public const int MaxNote = 4000;
    public const int MaxText = 300;

    /// <summary>No working group this app tracks started before it; an earlier start date is a typing mistake (0001-01-01).</summary>
    public static readonly DateOnly EarliestStart = new(2000, 1, 1);

    /// <summary>A business date: the date on the letter. Never in the future, never before the date it follows.</summary>
    public static void BusinessDate(string field, DateOnly date, DateOnly today, DateOnly notBefore, DateAnchor anchor, StepRef? step = null)
    {
        if (date > today)
            throw ProcessRuleException.Invalid(field, "date-in-future", field, date, today);
        if (date < notBefore)
            throw ProcessRuleException.Invalid(field, anchor switch
            {
                DateAnchor.StepActivated => "date-before-step-activated",
                DateAnchor.StepCompleted => "date-before-step-completed",
                DateAnchor.InvitationSent => "date-before-invitation-sent",
                _ => "date-before-process-start",
            }, field, date, notBefore, step);
    }

    public static void Text(string field, string? value, int max, bool required = false)
    {
        if (required && string.IsNullOrWhiteSpace(value))
            throw ProcessRuleException.Invalid(field, "required", field);
        if (value is not null && value.Length > max)
            throw ProcessRuleException.Invalid(field, "too-long", field, value.Length, max);
        if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw ProcessRuleException.Invalid(field, "control-characters", field);
    }

    public static void Evidence(IReadOnlyList<Evidence>? evidence, DateOnly today)
    {
        if (evidence is null) return;
        if (evidence.Count > 50) throw ProcessRuleException.Invalid("evidence", "too-much-evidence", 50);
        for (var i = 0; i < evidence.Count; i++)
        {
            Text($"evidence[{i}].title", evidence[i].Title, MaxText, required: true);
            Text($"evidence[{i}].number", evidence[i].Number, 100);
            if (evidence[i].Date is { } date && date > today)
                throw ProcessRuleException.Invalid($"evidence[{i}].date", "evidence-date-in-future", $"evidence[{i}].date", date);
        }
    }

    public static void Nominee(Nominee? nominee, bool required)
    {
        if (nominee is null)
        {
            if (required) throw ProcessRuleException.Invalid("nominee", "nominee-required");
            return;
        }
        Text("nominee.name", nominee.Name, MaxText, required: true);
        Text("nominee.position", nominee.Position, MaxText);
        Text("nominee.email", nominee.Email, 254);
        if (nominee.Email is { } email && !(email.Contains('@') && email.IndexOf('@') > 0 && email.IndexOf('@') < email.Length - 1))
            throw ProcessRuleException.Invalid("nominee.email", "not-an-email", email);
    }

    /// <summary>A process still running, and the step of it the request names.</summary>
    public static (ProcessStep Step, StepDefinition Definition) ActiveProcessStep(Process process, ProcessDefinition definition, string stepId)
    {
        var stepDefinition = definition.FindStep(stepId)
            ?? throw UnknownStep(definition, stepId);
        if (process.Status != ProcessStatus.Active)
            throw ProcessRuleException.Conflict("process-not-active", process.Status);
        return (process.Step(stepId)!, stepDefinition);
    }

    public static ProcessRuleException UnknownStep(ProcessDefinition definition, string stepId) =>
        ProcessRuleException.NotFound("step-not-found", stepId, definition.Steps.Select(s => s.Id).ToList());

    /// <summary>Completing or answering needs an active step; a blocked one names what it still waits for.</summary>
    public static void MustBeActive(Process process, StepDefinition definition, ProcessStep step)
    {
        switch (step.Status)
        {
            case StepStatus.Blocked:
                var waiting = definition.After.Where(a => process.Step(a)?.Status != StepStatus.Done).Select(a => new StepRef(a)).ToList();
                throw ProcessRuleException.Conflict("step-blocked", new StepRef(step.StepId), waiting);
            case StepStatus.Done:
                throw ProcessRuleException.Conflict("step-done", new StepRef(step.StepId), step.CompletedOn);
        }
    }
}
