namespace WorkingGroups.Core.Reminders;

/// <summary>A coordinator (or admin) who asked for the weekly digest of what is pending and overdue.</summary>
public sealed class DigestSubscription
{
    public required string Email { get; set; }
    /// <summary>The country whose processes it covers; null (an admin) covers every country.</summary>
    public string? Country { get; set; }
    public DateTime SubscribedAt { get; set; }
}

/// <summary>One weekly digest to one address: unique per address and week, so it goes out once.</summary>
public sealed class Digest : IOutgoingMail
{
    public long Id { get; set; }
    public required string Email { get; set; }
    public DateOnly WeekOf { get; set; }
    public MailStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public string? MessageId { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? ClaimedAt { get; set; }

    public void Requeue(DateTime now)
    {
        Status = MailStatus.Scheduled;
        ClaimedAt = now;
    }
}
