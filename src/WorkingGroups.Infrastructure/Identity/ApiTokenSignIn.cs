using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Identity;

/// <summary>Who a valid bearer token belongs to, as one read found them.</summary>
public sealed record TokenHolder(AppUser User, ApiToken Token, IReadOnlyList<string> Roles);

/// <summary>
/// Finds who a bearer token signs in. It runs on every API request, so it is one compiled query for token, user and
/// roles on a pooled context, without Identity's user manager (built per request with its validators and hashers,
/// none of which a lookup needs). Nothing is cached: a revoked token or a locked user is refused at the next request.
/// </summary>
public sealed class ApiTokenSignIn(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    // Compiled per app, not per process: a compiled query keeps the first provider it met, and one process may hold an
    // app on SQLite and one on PostgreSQL (`migrate --to`, the tests).
    private readonly Func<AppDbContext, string, CancellationToken, Task<Found?>> _byHash =
        EF.CompileAsyncQuery((AppDbContext db, string hash, CancellationToken _) => db.ApiTokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Select(t => new Found(
                t,
                db.Users.SingleOrDefault(u => u.Id == t.UserId),
                db.UserRoles.Where(r => r.UserId == t.UserId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList()))
            .SingleOrDefault());

    /// <summary>The token's holder, or null when the token is unknown, expired or revoked or the user is locked out.</summary>
    public async Task<TokenHolder?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(UserAdministration.TokenPrefix, StringComparison.Ordinal) || secret.Length > 200) return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await _byHash(db, HashOf(secret), cancellationToken);
        var now = clock.GetUtcNow();
        if (found is null || !found.Token.IsValidAt(now) || found.User is not { } user) return null;
        // Identity's own rule (UserManager.IsLockedOutAsync): locked while lockout is enabled and its end is not past.
        if (user.LockoutEnabled && user.LockoutEnd >= now) return null;
        return new TokenHolder(user, found.Token, found.Roles);
    }

    internal static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private sealed record Found(ApiToken Token, AppUser? User, List<string> Roles);
}
