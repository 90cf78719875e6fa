using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Attachments;

/// <summary>
/// The name a file was sent with, kept to be given back on download. A name that carries a path or control characters
/// is refused rather than silently rewritten: the sender learns their client sent something odd, and what is stored is
/// exactly what they meant. Surrounding spaces go; a name longer than the limit is refused too.
/// </summary>
public static class AttachmentName
{
    public const int MaxLength = 200;

    public static string Check(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) throw DomainRuleException.Invalid("name", "required", "the file's name");
        if (trimmed.IndexOfAny(['/', '\\']) >= 0) throw DomainRuleException.Invalid("name", "name-has-path", trimmed);
        if (trimmed.Any(c => char.IsControl(c) || IsInvisibleFormat(c))) throw DomainRuleException.Invalid("name", "control-characters", "the file's name");
        if (trimmed is "." or "..") throw DomainRuleException.Invalid("name", "name-has-path", trimmed);
        if (trimmed.Length > MaxLength) throw DomainRuleException.Invalid("name", "too-long", "the file's name", trimmed.Length, MaxLength);
        return trimmed;
    }

    /// <summary>Right-to-left overrides and the like make "fdp.exe" read as "exe.pdf": refused with the control characters.</summary>
    private static bool IsInvisibleFormat(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';
}
