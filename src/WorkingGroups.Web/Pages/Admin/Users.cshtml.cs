using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Identity;

namespace WorkingGroups.Web.Pages.Admin;

/// <summary>Admins add users, give them a role and a country scope, and lock them out.</summary>
internal sealed class UsersModel(UserAdministration administration, DefinitionCatalog catalog, TimeProvider clock, IStringLocalizer t) : PageModel
{
    /// <summary>Suggested for a country scope; another code is still accepted (a country whose definition comes later).</summary>
    public IReadOnlyList<string> Countries => catalog.Countries;
    public IReadOnlyList<(AppUser User, string? Role)> Users { get; private set; } = [];
    public DateTimeOffset Now => clock.GetUtcNow();

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Country { get; set; }
    [BindProperty] public string? Password { get; set; }

    /// <summary>Shown once, right after the user was added without a password.</summary>
    public string? OneTimePassword { get; private set; }
    public string? Added { get; private set; }
    public string? Error { get; private set; }
    public string? ErrorUser { get; private set; }

    public async Task OnGetAsync() => Users = await administration.ListAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) Error = t["Account.EmailRequired"];
        else
        {
            try
            {
                var (user, oneTime) = await administration.AddUserAsync(Email.Trim(), Role ?? "", Country, string.IsNullOrEmpty(Password) ? null : Password);
                Added = user.Email;
                OneTimePassword = oneTime;
                Email = Country = Password = null;
            }
            catch (UserAdministrationException ex)
            {
                Error = ex.Message;
            }
        }
        Users = await administration.ListAsync();
        if (Error is not null) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public Task<IActionResult> OnPostRoleAsync(string userId, string? role, string? country) =>
        ChangeAsync(userId, () => administration.ChangeRoleAsync(userId, role ?? "", country));

    public Task<IActionResult> OnPostLockAsync(string userId, bool locked) =>
        ChangeAsync(userId, () => administration.SetLockedAsync(userId, locked));

    private async Task<IActionResult> ChangeAsync(string userId, Func<Task> change)
    {
        try
        {
            await change();
            return RedirectToPage();
        }
        catch (UserAdministrationException ex)
        {
            Error = ex.Message;
            ErrorUser = userId;
            Users = await administration.ListAsync();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }
}
