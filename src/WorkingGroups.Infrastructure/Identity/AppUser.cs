using Microsoft.AspNetCore.Identity;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Infrastructure.Identity;

/// <summary>A person who signs in: a coordinator, an observer (reviewer) or an admin.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>ISO 3166-1 alpha-2 country a coordinator may change; null for admins and global observers.</summary>
    public string? Country { get; set; }

    /// <summary>Set when the password was generated and printed once: the user must choose their own at first sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// The language of e-mail written to this user alone (the weekly digest): one of <see cref="Languages"/>, chosen with
    /// the page's language switch; null (nothing chosen) writes both.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>The languages the app's texts are written in (a file each in Resources/Text).</summary>
    public static IReadOnlyList<string> Languages => TextCatalog.Default.Languages;

    /// <summary>The language as stored: a known one in lower case, else null.</summary>
    public static string? KnownLanguage(string? language) => TextCatalog.Default.Known(language);
}
