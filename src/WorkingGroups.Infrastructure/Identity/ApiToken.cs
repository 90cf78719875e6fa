namespace WorkingGroups.Infrastructure.Identity;

/// <summary>
/// A bearer token for scripts and integrations. Only the SHA-256 of the secret is stored: the token is shown once,
/// when created, and a stolen database cannot be replayed against the API.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
