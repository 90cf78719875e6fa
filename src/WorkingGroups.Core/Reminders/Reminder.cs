namespace WorkingGroups.Core.Reminders;

/// <summary>
/// Reminder: to the body that has to act. Escalation: to the chairs and the coordinator. Overdue: a step past its benchmark.
/// Manual: "send now". Recorded: sent outside the app (a letter, a call, the ministry's own e-mail) and recorded by a coordinator.
/// </summary>
public enum ReminderKind { Reminder, Escalation, Overdue, Manual, Recorded }

/// <summary>One e-mail that is due about one body in one step of a process; unique per kind and due date.</summary>
public sealed class Reminder : IOutgoingMail
{
    public long Id { get; set; }
    public Guid ProcessId { get; set; }
    public required string StepId { get; set; }
    /// <summary>The body asked to act: the invited body, or the step's owner.</summary>
    public required string BodyId { get; set; }
    public ReminderKind Kind { get; set; }
    public int Sequence { get; set; }
    public DateOnly DueOn { get; set; }
    public MailStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ScheduledAt { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>Who it went to (comma-separated), the language it was written in, and its Message-ID.</summary>
    public string? Recipients { get; set; }
    public string? Language { get; set; }
    public string? MessageId { get; set; }
    /// <summary>A recorded reminder only (its <see cref="DueOn"/> is the date it was sent): how, the letter's number, a note, and who recorded it.</summary>
    public ReminderChannel? Channel { get; set; }
    public string? LetterNumber { get; set; }
    public string? Note { get; set; }
    public string? RecordedBy { get; set; }

    public void Requeue(DateTime now)
    {
        Status = MailStatus.Scheduled;
        ScheduledAt = now;
    }

    /// <summary>The day it went out: a recorded one's own date, else the day the app delivered it (null until then).</summary>
    public DateOnly? SentOn() => Kind == ReminderKind.Recorded ? DueOn : SentAt is { } at ? DateOnly.FromDateTime(at) : null;
}

/// <summary>A coordinator paused the reminders of a process.</summary>
public sealed class ReminderPause
{
    public Guid ProcessId { get; set; }
    public DateTime PausedAt { get; set; }
    public required string PausedBy { get; set; }
}
