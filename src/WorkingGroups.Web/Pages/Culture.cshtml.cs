using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Web.Pages;

/// <summary>
/// The language switcher: remembers the choice in a cookie for a year and goes back where the reader was. A signed-in
/// user's choice is also kept on their account, for the e-mail written to them alone (the weekly digest).
/// </summary>
internal sealed class CultureModel(TextCatalog texts, UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        if (culture is not null && texts.Languages.Contains(culture))
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            if (await users.GetUserAsync(User) is { } user && user.Language != AppUser.KnownLanguage(culture))
            {
                user.Language = AppUser.KnownLanguage(culture);
                await users.UpdateAsync(user);
            }
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
