using Microsoft.AspNetCore.Identity;

namespace WorkingGroups.Infrastructure.Identity;

/// <summary>A person who signs in: a coordinator, an observer (reviewer) or an admin.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>ISO 3166-1 alpha-2 country a coordinator may change; null for admins and global observers.</summary>
    public string? Country { get; set; }

    /// <summary>Set when the password was generated and printed once: the user must choose their own at first sign-in.</summary>
    public bool MustChangePassword { get; set; }
}
