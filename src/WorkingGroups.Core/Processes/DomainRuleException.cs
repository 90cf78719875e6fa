namespace WorkingGroups.Core.Processes;

public enum RuleKind { NotFound, Conflict, Invalid, TooLarge }

/// <summary>
/// A request that breaks a rule of the process. <see cref="Detail"/> is the English sentence; <see cref="Code"/> and
/// <see cref="Args"/> let a page say it in the reader's language. <see cref="Field"/> names the offending input
/// (e.g. "completedOn") when there is one.
/// </summary>
public sealed class DomainRuleException : Exception
{
    private DomainRuleException(RuleKind kind, string title, string code, object?[] args, string? field)
        : base(RuleMessages.InEnglish(code, args))
    {
        Kind = kind;
        Title = title;
        Code = code;
        Args = args;
        Field = field;
    }

    public RuleKind Kind { get; }
    public string Title { get; }
    public string Code { get; }
    public IReadOnlyList<object?> Args { get; }
    public string? Field { get; }
    public string Detail => Message;

    public static DomainRuleException NotFound(string code, params object?[] args) => new(RuleKind.NotFound, "Not found", code, args, null);

    public static DomainRuleException Conflict(string code, params object?[] args) =>
        new(RuleKind.Conflict, "Conflict with the process's state", code, args, null);

    /// <summary>An input over a size limit (413), such as a document past Attachments:MaxMegabytes.</summary>
    public static DomainRuleException TooLarge(string field, string code, params object?[] args) =>
        new(RuleKind.TooLarge, "Too large", code, args, field);

    public static DomainRuleException Invalid(string field, string code, params object?[] args) =>
        new(RuleKind.Invalid, "Invalid input", code, args, field);
}
