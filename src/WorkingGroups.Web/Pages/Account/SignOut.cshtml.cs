using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkingGroups.Infrastructure.Identity;

namespace WorkingGroups.Web.Pages.Account;

/// <summary>Sign-out is a POST with the antiforgery token, so that no link on another site can sign anyone out.</summary>
[AllowAnonymous]
internal sealed class SignOutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
