namespace WorkingGroups.Core.Reminders;

/// <summary>
/// The e-mail that tells a country's coordinators a body answered its invitation through its own link: recorded with
/// the answer, so it goes out once (unique per invitation), also after a restart.
/// </summary>
public sealed class AnswerNotice : IOutgoingMail
{
    public long Id { get; set; }
    public Guid ProcessId { get; set; }
    public required string StepId { get; set; }
    public required string BodyId { get; set; }
    public MailStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public string? MessageId { get; set; }
    /// <summary>Who it went to (comma-separated).</summary>
    public string? Recipients { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? ClaimedAt { get; set; }

    public void Requeue(DateTime now)
    {
        Status = MailStatus.Scheduled;
        ClaimedAt = now;
    }
}
