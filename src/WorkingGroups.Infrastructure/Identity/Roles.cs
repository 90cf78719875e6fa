namespace WorkingGroups.Infrastructure.Identity;

/// <summary>The three kinds of user. Coordinators change processes of their country; observers read; admins do both everywhere.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string Observer = "Observer";

    public static readonly IReadOnlyList<string> All = [Admin, Coordinator, Observer];

    /// <summary>The canonical spelling of a role typed by a person, or null when it is none of ours.</summary>
    public static string? Parse(string? text) => All.FirstOrDefault(r => string.Equals(r, text, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Claim types we add to a signed-in principal.</summary>
public static class AppClaims
{
    public const string Country = "wg:country";
    public const string TokenName = "wg:token";
    public const string MustChangePassword = "wg:must-change-password";
}
