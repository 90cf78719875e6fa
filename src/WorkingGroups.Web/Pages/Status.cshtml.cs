using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WorkingGroups.Web.Pages;

/// <summary>
/// The page shown for an error status. It answers any method, without antiforgery, because a refused form post is
/// re-executed here as the same POST.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code;
        // Reached directly (not re-executed for an error), the page still answers with the status it describes.
        if (Response.StatusCode == StatusCodes.Status200OK) Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        return Page();
    }
}
