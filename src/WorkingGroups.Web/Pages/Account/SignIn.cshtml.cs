using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkingGroups.Infrastructure.Identity;

namespace WorkingGroups.Web.Pages.Account;

/// <summary>
/// Sign-in with e-mail and password; five failures lock the account for 15 minutes. Every refusal reads the same and
/// answers 401, so the page does not tell whether an address has an account or whether it is locked.
/// </summary>
[AllowAnonymous]
internal sealed class SignInModel(SignInManager<AppUser> signIn, IStringLocalizer t) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), t["Account.EmailRequired"]);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), t["Account.PasswordRequired"]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/processes");
        Error = t["Account.SignInFailed"];
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
