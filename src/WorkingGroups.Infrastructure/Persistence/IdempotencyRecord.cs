namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// A request sent with an Idempotency-Key. It is claimed in the same transaction as the change it made, so a retry can
/// never make that change twice; the response is stored just after, and replayed to retries. A claim without a
/// response (the app stopped in between) is answered from the process as it now stands.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string User { get; set; }
    public required string Key { get; set; }
    /// <summary>Method and path: a key reused for another request is refused, not replayed.</summary>
    public required string Request { get; set; }
    /// <summary>The process the request changed or created.</summary>
    public Guid? ProcessId { get; set; }
    /// <summary>0 while only claimed.</summary>
    public int StatusCode { get; set; }
    public string? Location { get; set; }
    public string? Body { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The Idempotency-Key of the request being served, handed from the web layer to the transaction that commits it.</summary>
public sealed record IdempotencyClaim(string User, string Key, string Request)
{
    private static readonly AsyncLocal<IdempotencyClaim?> Ambient = new();

    public static IdempotencyClaim? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    public IdempotencyRecord ToRecord(Guid processId, DateTime at) =>
        new() { User = User, Key = Key, Request = Request, ProcessId = processId, CreatedAt = at };
}

/// <summary>Another request with the same Idempotency-Key committed first.</summary>
public sealed class IdempotencyKeyTakenException(Guid? processId) : Exception("The Idempotency-Key was already used.")
{
    public Guid? ProcessId { get; } = processId;
}
