namespace WorkingGroups.Core.Letters;

/// <summary>How a paragraph sits on the page: as written, right-aligned (the addressee block), or a centred heading.</summary>
public enum LineStyle { Text, Right, Heading }

/// <summary>One line of a template: a paragraph of the letter, with its line number in the file for messages.</summary>
public sealed record TemplateLine(int Number, LineStyle Style, string Text);

/// <summary>
/// A letter a coordinator prints for signature, as written in <c>templates/&lt;country&gt;/&lt;kind&gt;.txt</c>: one
/// section per language. A per-invitation kind (<see cref="LetterKinds.Invitation"/>, <see cref="LetterKinds.Reminder"/>)
/// is addressed to the invited body; any other kind belongs to the step its header names and goes to the body it names.
/// </summary>
public sealed record LetterTemplate(string Country, string Kind, string File, IReadOnlyDictionary<string, IReadOnlyList<TemplateLine>> Sections)
{
    /// <summary>The definition (by id, any version) the letter belongs to; null: every definition of its country with its step.</summary>
    public string? DefinitionId { get; init; }
    public int DefinitionLine { get; init; }
    public string? StepId { get; init; }
    public int StepLine { get; init; }
    public string? ToBodyId { get; init; }
    public int ToLine { get; init; }

    public bool PerInvitation => LetterKinds.IsPerInvitation(Kind);
}

/// <summary>The kinds of letter the app knows by name; a country adds a step's letter by adding its file.</summary>
public static class LetterKinds
{
    /// <summary>The invitation to join the group, one per invited body.</summary>
    public const string Invitation = "invitation";

    /// <summary>The reminder to an invited body that has not answered.</summary>
    public const string Reminder = "reminder";

    public static bool IsPerInvitation(string kind) => kind is Invitation or Reminder;
}

/// <summary>
/// The fields a template may name, in braces. Every letter knows the addressee, the sender, the group, the step and the
/// deadline; only a letter about an invitation has an answer link.
/// </summary>
public static class LetterFields
{
    public const string Addressee = "addressee";
    public const string AddresseeContact = "addressee_contact";
    public const string Sender = "sender";
    public const string SenderContact = "sender_contact";
    public const string Group = "group";
    public const string Purpose = "purpose";
    public const string Step = "step";
    public const string Deadline = "deadline";
    public const string SentOn = "sent_on";
    public const string Link = "link";
    public const string LinkExpires = "link_expires";

    public static readonly IReadOnlyList<string> Common = [Addressee, AddresseeContact, Sender, SenderContact, Group, Purpose, Step, Deadline];
    public static readonly IReadOnlyList<string> InvitationOnly = [SentOn, Link, LinkExpires];

    public static IReadOnlyList<string> AllowedIn(string kind) =>
        LetterKinds.IsPerInvitation(kind) ? [.. Common, .. InvitationOnly] : Common;
}
