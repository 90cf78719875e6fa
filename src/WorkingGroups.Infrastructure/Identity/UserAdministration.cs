using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Identity;

/// <summary>A mistake in a user or token command, in words an administrator can act on.</summary>
public sealed class UserAdministrationException(string message) : Exception(message);

/// <summary>Creates users and API tokens; the same code serves the command line and the admin pages.</summary>
public sealed class UserAdministration(UserManager<AppUser> users, RoleManager<IdentityRole> roles, AppDbContext db, TimeProvider clock)
{
    public const string TokenPrefix = "wg_";

    /// <summary>Adds a user. Without a password one is generated, returned once, and must be changed at first sign-in.</summary>
    public async Task<(AppUser User, string? OneTimePassword)> AddUserAsync(string email, string role, string? country, string? password, string? language = null)
    {
        var canonicalRole = Roles.Parse(role)
            ?? throw new UserAdministrationException($"Role \"{role}\" is not one of: {string.Join(", ", Roles.All)}.");
        country = NormalizeCountry(country);
        if (canonicalRole == Roles.Coordinator && country is null)
            throw new UserAdministrationException("A Coordinator needs --country (the ISO code of the country they coordinate, e.g. KZ).");
        if (await users.FindByEmailAsync(email) is not null)
            throw new UserAdministrationException($"A user with e-mail {email} already exists.");
        if (language is not null && AppUser.KnownLanguage(language) is null)
            throw new UserAdministrationException($"Language \"{language}\" is not one of: {string.Join(", ", AppUser.Languages)}.");

        var oneTime = password is null ? GeneratePassword() : null;
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, Country = country, MustChangePassword = oneTime is not null,
            Language = AppUser.KnownLanguage(language) };
        Check(await users.CreateAsync(user, password ?? oneTime!), email);
        await EnsureRoleAsync(canonicalRole);
        Check(await users.AddToRoleAsync(user, canonicalRole), email);
        return (user, oneTime);
    }

    /// <summary>Every user with their role, for the admin page.</summary>
    public async Task<IReadOnlyList<(AppUser User, string? Role)>> ListAsync()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var list = new List<(AppUser, string?)>();
        foreach (var user in all) list.Add((user, (await users.GetRolesAsync(user)).FirstOrDefault()));
        return list;
    }

    /// <summary>Gives a user one role and a country scope (required for coordinators).</summary>
    public async Task ChangeRoleAsync(string userId, string role, string? country)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new UserAdministrationException($"There is no user {userId}.");
        var canonicalRole = Roles.Parse(role) ?? throw new UserAdministrationException($"Role \"{role}\" is not one of: {string.Join(", ", Roles.All)}.");
        country = NormalizeCountry(country);
        if (canonicalRole == Roles.Coordinator && country is null)
            throw new UserAdministrationException("A Coordinator needs a country (the ISO code of the country they coordinate, e.g. KZ).");
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current), user.Email!);
        await EnsureRoleAsync(canonicalRole);
        Check(await users.AddToRoleAsync(user, canonicalRole), user.Email!);
        user.Country = country;
        Check(await users.UpdateAsync(user), user.Email!);
        // A new security stamp signs the user out of other sessions, so the old role does not linger in a cookie.
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>Locks a user out (indefinitely) or lets them in again; their tokens stop working while locked.</summary>
    public async Task SetLockedAsync(string userId, bool locked)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new UserAdministrationException($"There is no user {userId}.");
        Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null), user.Email!);
        if (!locked) await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>Creates a bearer token for a user; the secret is returned here and nowhere else.</summary>
    public async Task<string> CreateTokenAsync(string email, string? name, int? days)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new UserAdministrationException($"There is no user with e-mail {email}.");
        if (days is <= 0) throw new UserAdministrationException("--days must be a positive number of days.");
        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.ApiTokens.Add(new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            Name = string.IsNullOrWhiteSpace(name) ? "api" : name.Trim(),
            Hash = ApiTokenSignIn.HashOf(secret),
            CreatedAt = now,
            ExpiresAt = days is null ? null : now.AddDays(days.Value),
        });
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>A user's tokens, newest first (never their secrets: only hashes are kept).</summary>
    public async Task<IReadOnlyList<ApiToken>> ListTokensAsync(string email)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new UserAdministrationException($"There is no user with e-mail {email}.");
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync();
        return tokens.OrderByDescending(t => t.CreatedAt).ToList();
    }

    /// <summary>
    /// Revokes a user's live tokens, all of them or those of one name; returns how many. Takes effect at the next
    /// request: every request looks its token up.
    /// </summary>
    public async Task<int> RevokeTokensAsync(string email, string? name)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new UserAdministrationException($"There is no user with e-mail {email}.");
        var now = clock.GetUtcNow();
        var live = (await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync())
            .Where(t => t.IsValidAt(now) && (name is null || t.Name == name.Trim())).ToList();
        if (live.Count == 0)
            throw new UserAdministrationException(name is null ? $"{email} has no live token." : $"{email} has no live token named \"{name}\".");
        foreach (var token in live) token.RevokedAt = now;
        await db.SaveChangesAsync();
        return live.Count;
    }

    public static string? NormalizeCountry(string? country)
    {
        if (string.IsNullOrWhiteSpace(country)) return null;
        var code = country.Trim().ToUpperInvariant();
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
            throw new UserAdministrationException($"Country \"{country}\" is not a two-letter ISO code such as KZ or TJ.");
        return code;
    }

    private async Task EnsureRoleAsync(string role)
    {
        if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new UserAdministrationException($"{email}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A one-time password that satisfies the default Identity rules (upper, lower, digit, symbol).</summary>
    private static string GeneratePassword() =>
        "Wg-" + Base64Url(RandomNumberGenerator.GetBytes(12)) + "a1A!";
}
