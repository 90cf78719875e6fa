using System.Security.Claims;
using WorkingGroups.Infrastructure.Identity;

namespace WorkingGroups.Web.Auth;

/// <summary>What a signed-in principal may do, in the domain's words.</summary>
internal static class UserAccess
{
    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>Admins everywhere; coordinators only in the country they were given.</summary>
    public static bool CanCoordinate(this ClaimsPrincipal user, string country) =>
        user.IsAdmin() || (user.IsInRole(Roles.Coordinator) &&
                           string.Equals(user.FindFirstValue(AppClaims.Country), country, StringComparison.OrdinalIgnoreCase));

    public static string? Country(this ClaimsPrincipal user) => user.FindFirstValue(AppClaims.Country);

    /// <summary>
    /// Whose work the attention list shows: a coordinator's own country (none, which matches nothing, for a coordinator
    /// somehow without one); observers and admins the country asked for, or every country (null).
    /// </summary>
    public static string? AttentionCountry(this ClaimsPrincipal user, string? asked) =>
        user.SeesOwnCountryOnly() ? user.Country() ?? ""
        : string.IsNullOrWhiteSpace(asked) ? null : asked.Trim().ToUpperInvariant();

    /// <summary>A coordinator's attention list is their own country's; no other is offered.</summary>
    public static bool SeesOwnCountryOnly(this ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) && !user.IsAdmin();

    /// <summary>How the audit trail names the actor: the e-mail, and the token's name when a script acted.</summary>
    public static string Who(this ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? "unknown";
        return user.FindFirstValue(AppClaims.TokenName) is { } token ? $"{name} (token {token})" : name;
    }
}
