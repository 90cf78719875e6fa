namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>The first successful response to a request sent with an Idempotency-Key, replayed to its retries.</summary>
public sealed class IdempotencyRecord
{
    public required string User { get; set; }
    public required string Key { get; set; }
    /// <summary>Method and path: a key reused for another request is refused, not replayed.</summary>
    public required string Request { get; set; }
    public int StatusCode { get; set; }
    public string? Location { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
}
