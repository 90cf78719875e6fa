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

    /// <summary>How far ahead a calendar or a plan reaches; a meeting or deadline further out is a typing mistake (9999).</summary>
    public const int MaxYearsAhead = 5;

    /// <summary>The last day something planned may fall on: the end of the year <see cref="MaxYearsAhead"/> years on.</summary>
    public static DateOnly LatestAhead(DateOnly today) => new(today.Year + MaxYearsAhead, 12, 31);

    /// <summary>A date within a range that makes sense for what it dates; the message gives the range.</summary>
    public static void DateWithin(string field, DateOnly date, DateOnly earliest, DateOnly latest)
    {
        if (date < earliest || date > latest)
            throw DomainRuleException.Invalid(field, "date-out-of-range", field, date, earliest, latest);
    }

    /// <summary>A business date: the date on the letter. Never in the future, never before the date it follows.</summary>
    public static void BusinessDate(string field, DateOnly date, DateOnly today, DateOnly notBefore, DateAnchor anchor, StepRef? step = null)
    {
        if (date > today)
            throw DomainRuleException.Invalid(field, "date-in-future", field, date, today);
        if (date < notBefore)
            throw DomainRuleException.Invalid(field, anchor switch
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
            throw DomainRuleException.Invalid(field, "required", field);
        if (value is not null && value.Length > max)
            throw DomainRuleException.Invalid(field, "too-long", field, value.Length, max);
        if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw DomainRuleException.Invalid(field, "control-characters", field);
    }

    /// <summary>
    /// A text printed as one line (a subject, a place, an agenda item, a document's title): a line break or tab in it
    /// would start a new line of the e-mail or the calendar file, so no control character at all.
    /// </summary>
    public static void Line(string field, string? value, int max, bool required = false)
    {
        Text(field, value, max, required);
        if (value is not null && value.Any(char.IsControl))
            throw DomainRuleException.Invalid(field, "line-breaks", field);
    }

    /// <summary>A list as the client sent it: a null entry is refused by its place, before anything reads it.</summary>
    public static void NoNulls<T>(string field, IReadOnlyList<T?>? items) where T : class
    {
        if (items is null) return;
        for (var i = 0; i < items.Count; i++)
            if (items[i] is null) throw DomainRuleException.Invalid($"{field}[{i}]", "null-in-list", $"{field}[{i}]");
    }

    public static void Evidence(IReadOnlyList<Evidence>? evidence, DateOnly today)
    {
        if (evidence is null) return;
        if (evidence.Count > 50) throw DomainRuleException.Invalid("evidence", "too-much-evidence", 50);
        NoNulls("evidence", evidence);
        for (var i = 0; i < evidence.Count; i++) Document($"evidence[{i}]", evidence[i], today);
    }

    /// <summary>A document: a title, perhaps a number, dated (if at all) no earlier than <see cref="EarliestStart"/> and not in the future.</summary>
    public static void Document(string field, Evidence document, DateOnly today)
    {
        Line($"{field}.title", document.Title, MaxText, required: true);
        Line($"{field}.number", document.Number, 100);
        if (document.Date is not { } date) return;
        if (date > today) throw DomainRuleException.Invalid($"{field}.date", "evidence-date-in-future", $"{field}.date", date);
        DateWithin($"{field}.date", date, EarliestStart, today);
    }

    public static void Nominee(Nominee? nominee, bool required)
    {
        if (nominee is null)
        {
            if (required) throw DomainRuleException.Invalid("nominee", "nominee-required");
            return;
        }
        Line("nominee.name", nominee.Name, MaxText, required: true);
        Line("nominee.position", nominee.Position, MaxText);
        Line("nominee.email", nominee.Email, 254);
        if (nominee.Email is { } email && !(email.Contains('@') && email.IndexOf('@') > 0 && email.IndexOf('@') < email.Length - 1))
            throw DomainRuleException.Invalid("nominee.email", "not-an-email", email);
    }

    /// <summary>A process still running, and the step of it the request names.</summary>
    public static (ProcessStep Step, StepDefinition Definition) ActiveProcessStep(Process process, ProcessDefinition definition, string stepId)
    {
        var stepDefinition = definition.FindStep(stepId)
            ?? throw UnknownStep(definition, stepId);
        if (process.Status != ProcessStatus.Active)
            throw DomainRuleException.Conflict("process-not-active", process.Status);
        return (process.Step(stepId)!, stepDefinition);
    }

    public static DomainRuleException UnknownStep(ProcessDefinition definition, string stepId) =>
        DomainRuleException.NotFound("step-not-found", stepId, definition.Steps.Select(s => s.Id).ToList());

    /// <summary>Completing or answering needs an active step; a blocked one names what it still waits for.</summary>
    public static void MustBeActive(Process process, StepDefinition definition, ProcessStep step)
    {
        switch (step.Status)
        {
            case StepStatus.Blocked:
                var waiting = definition.After.Where(a => process.Step(a)?.Status != StepStatus.Done).Select(a => new StepRef(a)).ToList();
                throw DomainRuleException.Conflict("step-blocked", new StepRef(step.StepId), waiting);
            case StepStatus.Done:
                throw DomainRuleException.Conflict("step-done", new StepRef(step.StepId), step.CompletedOn);
        }
    }
}
