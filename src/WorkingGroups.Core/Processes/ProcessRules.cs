using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Core.Processes;

/// <summary>The rules a change must satisfy before it is recorded. Each failure names its field or step.</summary>
public static class ProcessRules
{
    public const int MaxNote = 4000;
    public const int MaxText = 300;

    /// <summary>A business date: the date on the letter. Never in the future, never before the date it follows.</summary>
    public static void BusinessDate(string field, DateOnly date, DateOnly today, DateOnly notBefore, string notBeforeWhat)
    {
        if (date > today)
            throw ProcessRuleException.Invalid(field, $"{field} {date:yyyy-MM-dd} is in the future; record the date on the document, today ({today:yyyy-MM-dd}) at the latest.");
        if (date < notBefore)
            throw ProcessRuleException.Invalid(field, $"{field} {date:yyyy-MM-dd} is before {notBeforeWhat} ({notBefore:yyyy-MM-dd}).");
    }

    public static void Text(string field, string? value, int max, bool required = false)
    {
        if (required && string.IsNullOrWhiteSpace(value))
            throw ProcessRuleException.Invalid(field, $"{field} is required.");
        if (value is not null && value.Length > max)
            throw ProcessRuleException.Invalid(field, $"{field} is {value.Length} characters long; at most {max} are kept.");
        if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw ProcessRuleException.Invalid(field, $"{field} contains control characters.");
    }

    public static void Evidence(IReadOnlyList<Evidence>? evidence, DateOnly today)
    {
        if (evidence is null) return;
        if (evidence.Count > 50) throw ProcessRuleException.Invalid("evidence", "at most 50 documents can be attached to a step.");
        for (var i = 0; i < evidence.Count; i++)
        {
            Text($"evidence[{i}].title", evidence[i].Title, MaxText, required: true);
            Text($"evidence[{i}].number", evidence[i].Number, 100);
            if (evidence[i].Date is { } date && date > today)
                throw ProcessRuleException.Invalid($"evidence[{i}].date", $"evidence[{i}].date {date:yyyy-MM-dd} is in the future.");
        }
    }

    public static void Nominee(Nominee? nominee, bool required)
    {
        if (nominee is null)
        {
            if (required) throw ProcessRuleException.Invalid("nominee", "an accepted invitation names its representative: nominee.name is required.");
            return;
        }
        Text("nominee.name", nominee.Name, MaxText, required: true);
        Text("nominee.position", nominee.Position, MaxText);
        Text("nominee.email", nominee.Email, 254);
        if (nominee.Email is { } email && !(email.Contains('@') && email.IndexOf('@') > 0 && email.IndexOf('@') < email.Length - 1))
            throw ProcessRuleException.Invalid("nominee.email", $"\"{email}\" is not an e-mail address.");
    }

    /// <summary>A process still running, and the step of it the request names.</summary>
    public static (ProcessStep Step, StepDefinition Definition) ActiveProcessStep(Process process, ProcessDefinition definition, string stepId)
    {
        var stepDefinition = definition.FindStep(stepId)
            ?? throw ProcessRuleException.NotFound($"The process has no step \"{stepId}\" (steps: {string.Join(", ", definition.Steps.Select(s => s.Id))}).");
        if (process.Status != ProcessStatus.Active)
            throw ProcessRuleException.Conflict($"The process is {process.Status.ToString().ToLowerInvariant()}; its steps can no longer change.");
        return (process.Step(stepId)!, stepDefinition);
    }

    /// <summary>Completing or answering needs an active step; a blocked one names what it still waits for.</summary>
    public static void MustBeActive(Process process, StepDefinition definition, ProcessStep step)
    {
        switch (step.Status)
        {
            case StepStatus.Blocked:
                var waiting = definition.After.Where(a => process.Step(a)?.Status != StepStatus.Done);
                throw ProcessRuleException.Conflict($"Step \"{step.StepId}\" is not active yet: it waits for {string.Join(", ", waiting.Select(w => $"\"{w}\""))}.");
            case StepStatus.Done:
                throw ProcessRuleException.Conflict($"Step \"{step.StepId}\" was already completed on {step.CompletedOn:yyyy-MM-dd}.");
        }
    }

    /// <summary>Whether the engine has caught up: every step whose prerequisites are done is open, and a finished process is established.</summary>
    public static bool IsSettled(Process process, ProcessDefinition definition)
    {
        if (process.Status != ProcessStatus.Active) return true;
        if (process.Steps.All(s => s.Status == StepStatus.Done)) return false;
        return definition.Steps.All(d => process.Step(d.Id)?.Status != StepStatus.Blocked || !process.PrerequisitesDone(d));
    }
}
