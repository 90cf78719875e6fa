using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Attachments;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Attachments;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Web.Attachments;
using WorkingGroups.Web.Auth;
using WorkingGroups.Web.Localization;

namespace WorkingGroups.Web.Pages.Processes;

/// <summary>
/// Where the process page's upload form posts a step's document (or an answer's, with <c>body</c>). Success goes back to
/// the step; a refusal is this page, with the reason in the reader's language and a 4xx.
/// </summary>
[IgnoreAntiforgeryToken] // checked on the token the form sends before its file (PageUpload), without buffering the form
internal sealed class AttachModel(AttachmentService attachments, ProcessService processes, IStringLocalizer t) : PageModel
{
    public string? Error { get; private set; }
    public Guid Id { get; private set; }

    public IActionResult OnGet(Guid id, string stepId) => Redirect($"/processes/{id}#step-{stepId}");

    /// <remarks>
    /// No handler parameters: binding one would let MVC's form value provider read (and buffer) the whole form first.
    /// The route and query are read by hand.
    /// </remarks>
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var id = Guid.Parse((string)RouteData.Values["id"]!);
        var stepId = (string)RouteData.Values["stepId"]!;
        var body = Request.Query["body"].FirstOrDefault();
        Id = id;
        var owner = body is null ? AttachmentOwner.OfStep(id, stepId) : AttachmentOwner.OfInvitation(id, stepId, body);
        try
        {
            if (!User.CanCoordinate(await attachments.CountryOfAsync(owner, ct))) return Forbid();
            await using var file = await PageUpload.ReadAsync(HttpContext, attachments.Options.MaxBytes, ct);
            await attachments.AddAsync(owner, file.Name, file.Content, User.Who(), country =>
            {
                if (!User.CanCoordinate(country)) throw new AccessDeniedException(country);
            }, ct);
            return Redirect($"/processes/{id}#step-{stepId}");
        }
        catch (DomainRuleException ex)
        {
            var process = await processes.FindAsync(id, ct);
            Error = t.Rule(ex, process is null ? null : processes.DefinitionOf(process));
            Response.StatusCode = PageUpload.StatusOf(ex);
            return Page();
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest();
        }
    }
}
