using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkingGroups.Infrastructure.Identity;

namespace WorkingGroups.Web.Pages.Account;

/// <summary>Changing one's password; required at first sign-in when the password was a printed one-time one.</summary>
internal sealed class PasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer t) : PageModel
{
    [BindProperty] public string? Current { get; set; }
    [BindProperty] public string? New { get; set; }
    [BindProperty] public string? Confirm { get; set; }

    public bool MustChange { get; private set; }
    public bool Changed { get; private set; }

    public async Task OnGetAsync(bool changed = false)
    {
        MustChange = (await users.GetUserAsync(User))?.MustChangePassword == true;
        Changed = changed;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        MustChange = user.MustChangePassword;
        if (string.IsNullOrEmpty(Current)) ModelState.AddModelError(nameof(Current), t["Account.PasswordRequired"]);
        if (string.IsNullOrEmpty(New)) ModelState.AddModelError(nameof(New), t["Account.PasswordRequired"]);
        else if (New != Confirm) ModelState.AddModelError(nameof(Confirm), t["Account.PasswordsDiffer"]);
        if (!ModelState.IsValid) return Page();

        var result = await users.ChangePasswordAsync(user, Current!, New!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? nameof(Current) : nameof(New), IdentityText(e));
            return Page();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage(new { changed = true });
    }

    /// <summary>Identity's own messages are English; the codes are stable, so they are translated by code.</summary>
    private string IdentityText(IdentityError error)
    {
        var text = t[$"Identity.{error.Code}"];
        return text.ResourceNotFound ? error.Description : text.Value;
    }
}
