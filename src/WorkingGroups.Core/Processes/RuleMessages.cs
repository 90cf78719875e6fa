using System.Collections;
using System.Globalization;

namespace WorkingGroups.Core.Processes;

/// <summary>A step named in a message: the API shows its id, a page its title in the reader's language.</summary>
public sealed record StepRef(string Id)
{
    public override string ToString() => $"\"{Id}\"";
}

/// <summary>A body named in a message, shown like <see cref="StepRef"/>.</summary>
public sealed record BodyRef(string Id)
{
    public override string ToString() => $"\"{Id}\"";
}

/// <summary>
/// Every sentence a rule can say, keyed by a code. The English here is what the API returns; pages look the code up
/// in the reader's language (key "Rule.&lt;code&gt;" of the text files) and format the same arguments.
/// </summary>
internal static class RuleMessages
{
    public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>
    {
        ["definition-not-found"] = "There is no definition \"{0}\".",
        ["definition-version-not-found"] = "There is no version {1} of the definition \"{0}\".",
        ["process-not-found"] = "There is no process {0}.",
        ["step-not-found"] = "The process has no step \"{0}\" (steps: {1}).",
        ["start-in-future"] = "{0} {1} is in the future; a process starts on a date that has passed, today ({2}) at the latest.",
        ["start-too-early"] = "{0} {1} is before {2}, the earliest start this app records; check the year.",
        ["date-in-future"] = "{0} {1} is in the future; record the date on the document, today ({2}) at the latest.",
        ["date-before-step-activated"] = "{0} {1} is before the date step {3} became active ({2}).",
        ["date-before-step-completed"] = "{0} {1} is before step {3} was completed ({2}).",
        ["date-before-invitation-sent"] = "{0} {1} is before the date the invitation was sent ({2}).",
        ["date-before-process-start"] = "{0} {1} is before the process's start ({2}).",
        ["required"] = "{0} is required.",
        ["too-long"] = "{0} is {1} characters long; at most {2} are kept.",
        ["too-many"] = "{0} has {1} entries; at most {2} are kept.",
        ["control-characters"] = "{0} contains control characters.",
        ["line-breaks"] = "{0} is printed as one line; it may not contain line breaks, tabs or other control characters.",
        ["null-in-list"] = "{0} is null; leave the entry out of the list or fill it in.",
        ["date-out-of-range"] = "{0} {1} is outside {2} to {3}; check the year.",
        ["too-much-evidence"] = "At most {0} documents can be attached to a step.",
        ["evidence-date-in-future"] = "{0} {1} is in the future.",
        ["nominee-required"] = "An accepted invitation names its representative: nominee.name is required.",
        ["not-an-email"] = "\"{0}\" is not an e-mail address.",
        ["process-not-active"] = "The process is {0}; its steps can no longer change.",
        ["step-blocked"] = "Step {0} is not active yet: it waits for {1}.",
        ["step-done"] = "Step {0} was already completed on {1}.",
        ["not-an-invitations-step"] = "Step {0} is not an invitations step; it has no answers to record.",
        ["not-invited"] = "{0} was not invited in step {1} (invited: {2}).",
        ["already-answered"] = "{0} already answered: {1} on {2}.",
        ["record-closed"] = "The process is cancelled; its record is closed.",
        ["nothing-to-correct"] = "Step {0} has not started; there is nothing recorded to correct.",
        ["correct-not-completed"] = "Step {0} is not completed; complete it instead of correcting its date.",
        ["correction-breaks-order"] = "The correction would start step {0} on {1}, after it was completed ({2}); correct that step first.",
        ["send-back-not-done"] = "Step {0} is {1}; only a completed step can be sent back for revision.",
        ["send-back-later-progress"] = "Step {0} cannot be sent back: step {1}, which follows it, has progress recorded; correct or send back that one first.",
        ["cancel-not-active"] = "The process is {0}; only an active process can be cancelled.",
        ["concurrent-change"] = "Someone else changed this process at the same moment; reload it and try again.",
        ["process-changed-concurrently"] = "Someone else changed process {0} at the same moment; reload it and try again.",
        ["not-a-response"] = "response \"{0}\" is neither \"accepted\" nor \"declined\".",
        ["nobody-to-remind"] = "The process is {0}; there is nobody to remind.",
        ["reminder-already-recorded"] = "A reminder to {0} sent on {1} is already recorded.",
        ["reminder-not-found"] = "The process has no reminder {0}.",
        ["not-a-recorded-reminder"] = "Reminder {0} is a {1} the app sent; only a reminder recorded by hand can be corrected or withdrawn.",
        ["weekly-required"] = "weekly is required: true to receive the digest on Mondays, false to stop it.",
        ["not-a-status"] = "status \"{0}\" is not one of: active, established, cancelled.",
        ["group-not-found"] = "There is no working group {0}.",
        ["body-not-in-group"] = "{0} is not part of the group (bodies: {1}).",
        ["body-not-member-on"] = "{0} is not a member of the group on {1}.",
        ["body-already-member"] = "{0} is already a member of the group.",
        ["effective-not-after-current"] = "{0} {1} is not after the date the current entry took effect ({2}).",
        ["date-before-establishment"] = "{0} {1} is before the group was established ({2}).",
        ["unknown-language"] = "\"{0}\" is not a language names are kept in (languages: {1}).",
        ["not-a-choice"] = "{0} \"{1}\" is not one of: {2}.",
        ["meeting-not-found"] = "The group has no meeting {0}.",
        ["meeting-not-held"] = "The meeting is on {0} and has not taken place yet.",
        ["meeting-place-required"] = "A meeting needs a place or an online link.",
        ["not-a-link"] = "{0} \"{1}\" is not an http or https address.",
        ["unknown-time-zone"] = "timeZone \"{0}\" is not a time zone (use an IANA id such as Asia/Almaty).",
        ["minutes-approved"] = "The minutes were approved on {0}; they no longer change.",
        ["date-before-meeting"] = "{0} {1} is before the meeting ({2}).",
        ["attendee-unnamed"] = "attendees[{0}] names neither a member body (bodyId) nor an organisation.",
        ["plan-not-found"] = "The group has no Work Plan {0}.",
        ["plan-exists"] = "The group already has a Work Plan for {0}.",
        ["plan-year-out-of-range"] = "year {0} is outside the group's years ({1} to {2}).",
        ["plan-adopted"] = "The Work Plan {0} was adopted on {1}; its items are fixed.",
        ["item-not-found"] = "The Work Plan has no item {0}.",
        ["item-carried-over"] = "Item {0} was carried over into next year's plan; change it there.",
        ["item-carried-from"] = "Item {0} continues an item of last year's plan; it stays on record.",
        ["item-reviewed"] = "Item {0} was reviewed at the meeting of {1}; it stays on record.",
        ["meeting-minutes-approved"] = "The minutes of the meeting of {0} were approved on {1}; the meeting stays on record.",
        ["meeting-adopted-plan"] = "The Work Plan {1} was adopted at the meeting of {0}; the meeting stays on record.",
        ["deadline-before-plan-year"] = "deadline {0} is before the plan's year {1}.",
        ["not-an-amendment"] = "\"{0}\" is not a membership-change definition; an amendment of a group runs on one.",
        ["definition-other-country"] = "\"{0}\" is a definition for {1}, not for the group's country {2}.",
        ["letter-kind-unknown"] = "There is no letter \"{0}\" (letters: {1}).",
        ["letter-not-for-process"] = "A process of {1} has no letter \"{0}\" (its letters: {2}).",
        ["letter-per-invitation"] = "The letter \"{0}\" goes to one invited body: ask for it under the invitation (steps/{{stepId}}/invitations/{{bodyId}}/letters/{0}).",
        ["letter-not-per-invitation"] = "The letter \"{0}\" belongs to step {1}, not to an invitation: ask for it at letters/{0}.",
    };

    /// <summary>The English sentence, with dates as yyyy-MM-dd and steps and bodies by id.</summary>
    public static string InEnglish(string code, IReadOnlyList<object?> args) =>
        string.Format(CultureInfo.InvariantCulture, English[code], args.Select(FormatEnglish).ToArray<object?>());

    private static string FormatEnglish(object? arg) => arg switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString().ToLowerInvariant(),
        string s => s,
        IEnumerable list => string.Join(", ", list.Cast<object?>().Select(FormatEnglish)),
        _ => Convert.ToString(arg, CultureInfo.InvariantCulture) ?? "",
    };
}
