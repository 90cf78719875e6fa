using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Reminders;

/// <summary>How a reminder sent outside the app reached the agency.</summary>
public enum ReminderChannel { Email, Letter, Phone, Meeting }

/// <summary>A coordinator records a reminder the app did not send: an e-mail from the ministry's mailbox, a letter, a call.</summary>
public sealed record RecordReminder(string StepId, string BodyId, DateOnly SentOn, ReminderChannel Channel, string? LetterNumber, string? Note);

/// <summary>
/// A correction of how a recorded reminder went: its channel, letter number or note. Null leaves a field as it is; an
/// empty text clears it. Its date stays: the date places it in the reminder series.
/// </summary>
public sealed record CorrectRecordedReminder(ReminderChannel? Channel, string? LetterNumber, string? Note);

/// <summary>
/// The rules of a recorded reminder. It chases a pending invitation, on a past date not before the invitation went out,
/// and it counts in the invitation's reminder series (decision 0012): it stands for the latest reminder due by its date,
/// or, when that one was already sent, for the next one, so the sweep does not send that reminder again. It never stands
/// for the escalation, which goes to other people (the chairs and the coordinators).
/// </summary>
public static class RecordedReminders
{
    public const int MaxLetterNumber = 100;

    /// <summary>The names the API and the sample files use: email, letter, phone, meeting.</summary>
    public static IReadOnlyList<string> ChannelNames { get; } = Enum.GetValues<ReminderChannel>().Select(Name).ToList();

    public static string Name(ReminderChannel channel) => channel.ToString().ToLowerInvariant();

    public static ReminderChannel Channel(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw DomainRuleException.Invalid("channel", "required", "channel");
        foreach (var channel in Enum.GetValues<ReminderChannel>())
        {
            if (Name(channel) == text.Trim()) return channel;
        }
        throw DomainRuleException.Invalid("channel", "not-a-choice", "channel", text, ChannelNames);
    }

    /// <summary>The pending invitation the command chases; every refusal names its field or the process's state.</summary>
    public static (Invitation Invitation, ReminderPolicy Policy) Check(Process process, ProcessDefinition definition, RecordReminder command, DateOnly today)
    {
        var (step, stepDefinition) = ProcessRules.ActiveProcessStep(process, definition, command.StepId);
        if (stepDefinition.Kind != StepKind.Invitations)
            throw DomainRuleException.Conflict("not-an-invitations-step", new StepRef(command.StepId));
        ProcessRules.MustBeActive(process, stepDefinition, step);
        var invitation = step.Invitations.FirstOrDefault(i => i.BodyId == command.BodyId)
            ?? throw DomainRuleException.Conflict("not-invited", new BodyRef(command.BodyId), new StepRef(command.StepId),
                step.Invitations.Select(i => new BodyRef(i.BodyId)).ToList());
        if (invitation.Status != InvitationStatus.Pending)
            throw DomainRuleException.Conflict("already-answered", new BodyRef(command.BodyId), invitation.Status, invitation.RespondedOn);
        if (!Enum.IsDefined(command.Channel))
            throw DomainRuleException.Invalid("channel", "not-a-choice", "channel", command.Channel, ChannelNames);
        ProcessRules.BusinessDate("sentOn", command.SentOn, today, invitation.SentOn, DateAnchor.InvitationSent);
        ProcessRules.Text("letterNumber", command.LetterNumber, MaxLetterNumber);
        ProcessRules.Text("note", command.Note, ProcessRules.MaxNote);
        return (invitation, definition.ReminderPolicyFor(stepDefinition));
    }

    /// <summary>Every refusal of a correction names its field.</summary>
    public static void Check(CorrectRecordedReminder correction)
    {
        if (correction.Channel is { } channel && !Enum.IsDefined(channel))
            throw DomainRuleException.Invalid("channel", "not-a-choice", "channel", channel, ChannelNames);
        ProcessRules.Text("letterNumber", correction.LetterNumber, MaxLetterNumber);
        ProcessRules.Text("note", correction.Note, ProcessRules.MaxNote);
    }

    /// <summary>
    /// Which reminder of the series a reminder recorded on <paramref name="sentOn"/> stands for: the latest one due by then,
    /// or the one after the last reminder dated on or before it, whichever is later.
    /// </summary>
    public static int Sequence(ReminderPolicy policy, DateOnly invitationSentOn, DateOnly sentOn, IEnumerable<Reminder> reminders)
    {
        var latestDue = ReminderSchedule.Latest(policy, invitationSentOn, sentOn)?.Sequence ?? 0;
        var earlier = reminders.Where(r => InSeries(r.Kind) && r.DueOn <= sentOn).Select(r => r.Sequence).DefaultIfEmpty(0).Max();
        return Math.Max(latestDue, earlier + 1);
    }

    /// <summary>
    /// Whether an existing reminder of the same target makes a candidate of the sweep unnecessary: one for the same kind and
    /// date, or a later one in the series. A recorded reminder covers ordinary reminders up to its number, never the escalation.
    /// </summary>
    public static bool Covers(Reminder existing, Reminder candidate)
    {
        if (existing.Kind == candidate.Kind && existing.DueOn == candidate.DueOn) return true;
        if (existing.Kind == ReminderKind.Recorded) return candidate.Kind == ReminderKind.Reminder && existing.Sequence >= candidate.Sequence;
        return InSeries(existing.Kind) && InSeries(candidate.Kind) && existing.Sequence >= candidate.Sequence;
    }

    private static bool InSeries(ReminderKind kind) => kind is ReminderKind.Reminder or ReminderKind.Escalation or ReminderKind.Recorded;
}
