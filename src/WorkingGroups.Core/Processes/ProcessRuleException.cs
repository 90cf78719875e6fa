namespace WorkingGroups.Core.Processes;

public enum RuleKind { NotFound, Conflict, Invalid }

/// <summary>
/// A request that breaks a rule of the process, with a sentence for the person who made it. <see cref="Field"/>
/// names the offending input (e.g. "completedOn") when there is one.
/// </summary>
public sealed class ProcessRuleException(RuleKind kind, string title, string detail, string? field = null) : Exception(detail)
{
    public RuleKind Kind { get; } = kind;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
    public string? Field { get; } = field;

    public static ProcessRuleException NotFound(string detail) => new(RuleKind.NotFound, "Not found", detail);
    public static ProcessRuleException Conflict(string detail) => new(RuleKind.Conflict, "Conflict with the process's state", detail);
    public static ProcessRuleException Invalid(string field, string detail) => new(RuleKind.Invalid, "Invalid input", detail, field);
}
