using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkingGroups.Core.Attachments;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Attachments;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Infrastructure.Texts;
using WorkingGroups.Web.Attachments;

namespace WorkingGroups.Web.Pages.Answer;

/// <summary>
/// Where the answer page's form sends the agency's letter: kept with that one invitation, the link's own, and refused
/// through a forged (400) or expired (410) link, in the body's language. Success goes back to the answer page's list.
/// </summary>
[IgnoreAntiforgeryToken] // checked on the token the form sends before its file (PageUpload), without buffering the form
internal sealed class AttachModel(AnswerLinks links, ProcessService processes, AttachmentService attachments, TextCatalog texts) : PageModel
{
    public string Language { get; private set; } = "ru";
    public string? Refusal { get; private set; }
    public string Token { get; private set; } = "";

    public string Say(string key, params object?[] args) => texts.Say(Language, key, args);

    public IActionResult OnGet(string token) => Redirect($"/answer/{token}");

    /// <remarks>No handler parameters: binding one would let MVC's form value provider read (and buffer) the whole form first.</remarks>
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var token = (string)RouteData.Values["token"]!;
        Token = token;
        var (check, ticket) = links.Read(token);
        if (check == TicketCheck.Forged) return Refuse(StatusCodes.Status400BadRequest, "Answer.Forged");
        var process = await processes.FindAsync(ticket!.ProcessId, ct);
        if (process is null || processes.DefinitionOf(process).FindBody(ticket.BodyId) is not { } body)
            return Refuse(StatusCodes.Status404NotFound, "Answer.NotInvited");
        Language = texts.For(body.Language);
        if (check == TicketCheck.Expired) return Refuse(StatusCodes.Status410Gone, "Answer.Expired");

        try
        {
            await using var file = await PageUpload.ReadAsync(HttpContext, attachments.Options.MaxBytes, ct);
            await attachments.AddAsync(AttachmentOwner.OfInvitation(process.Id, ticket.StepId, ticket.BodyId), file.Name, file.Content,
                $"{body.Contact?.Email ?? body.Id} (answer link)", _ => { }, ct); // the signed link is the permission, for this invitation only
            return Redirect($"/answer/{token}#documents");
        }
        catch (DomainRuleException ex)
        {
            Refusal = texts.Find(Language, $"Rule.{ex.Code}") is { } template
                ? string.Format(texts.Culture(Language), template, ex.Args.ToArray())
                : ex.Detail;
            Response.StatusCode = PageUpload.StatusOf(ex);
            return Page();
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest();
        }
    }

    private IActionResult Refuse(int status, string key)
    {
        Refusal = Say(key);
        Response.StatusCode = status;
        return Page();
    }
}
