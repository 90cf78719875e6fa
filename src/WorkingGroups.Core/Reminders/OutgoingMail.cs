namespace WorkingGroups.Core.Reminders;

/// <summary>
/// An e-mail recorded in our database and sent by a job of its own: a process reminder or a group notice. The columns
/// its claim, its delivery and its retry read and write.
/// </summary>
public interface IOutgoingMail
{
    long Id { get; }
    MailStatus Status { get; set; }
    DateTime? ClaimedAt { get; set; }
    DateTime? SentAt { get; set; }
    int Attempts { get; set; }
    string? LastError { get; set; }
    string? MessageId { get; set; }

    /// <summary>Back in the queue for another attempt; <paramref name="now"/> is when its staleness starts to count.</summary>
    void Requeue(DateTime now);
}
