using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Infrastructure.Texts;
using WorkingGroups.Web.Localization;

namespace WorkingGroups.Web.Pages.Answer;

/// <summary>
/// Where an agency answers its invitation from the e-mail, without an account. The signed link names the process,
/// step, body and the invitation's version; the answer goes through the same rules as the coordinator's.
/// </summary>
internal sealed class IndexModel(AnswerLinks links, ProcessService processes, Infrastructure.Attachments.AttachmentService attachments, AnswerNotices notices, Infrastructure.Hosting.IClock clock, IStringLocalizer text,
    TextCatalog texts) : PageModel
{
    [BindProperty] public string? Choice { get; set; }
    [BindProperty] public string? NomineeName { get; set; }
    [BindProperty] public string? NomineePosition { get; set; }
    [BindProperty] public string? NomineeEmail { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public string Language { get; private set; } = "ru";
    /// <summary>The page's own words ("Answer.*") in its language.</summary>
    public string Say(string key, params object?[] args) => texts.Say(Language, key, args);
    /// <summary>The other languages the page can be read in, each named in itself.</summary>
    public IEnumerable<(string Language, string Name)> Others => texts.Languages.Where(l => l != Language).Select(l => (l, texts.Get(l, "Language.Name")));
    /// <summary>Why the link cannot be used; null when the form can be shown.</summary>
    public string? Refusal { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The link holds and the record is open: the body may send its letter, before or after answering.</summary>
    public bool CanAttach { get; private set; }
    /// <summary>The documents the body sent through its link.</summary>
    public IReadOnlyList<Core.Attachments.Attachment> Sent { get; private set; } = [];
    public long MaxMegabytes => attachments.Options.MaxMegabytes;
    public string Token { get; private set; } = "";
    public bool Answered { get; private set; }
    /// <summary>The second language the body asked for, written beneath the first (null: one language).</summary>
    public string? Second { get; private set; }

    /// <summary>The page's own words in another of its languages (the one beneath).</summary>
    public string SayIn(string language, string key, params object?[] args) => texts.Say(language, key, args);

    /// <summary>The invitation's sentence in the language: who is invited to which group, at which step.</summary>
    public string Intro(string language) => _body is null ? "" :
        texts.Say(language, "Answer.Intro", _body.Name.Get(language), _definition!.GroupName.Get(language), _step!.Title.Get(language));

    public string SentOn(string language) => _sentOn is { } on ? texts.Say(language, "Answer.SentOn", texts.Date(language, on)) : "";

    /// <summary>A label in the page's language, with the second language's after a slash where it differs.</summary>
    public string Label(string key) => Second is null || Say(key) == SayIn(Second, key) ? Say(key) : $"{Say(key)} / {SayIn(Second, key)}";

    private Body? _body;
    private StepDefinition? _step;
    private DateOnly? _sentOn;
    /// <summary>Whom to ask: the lead body and its e-mail, as in the reminder; null without a contact.</summary>
    public string? Contact { get; private set; }
    public string? Questions => Contact is null ? null : Say("Answer.Questions", Contact);

    private AnswerTicket? _ticket;
    private ProcessDefinition? _definition;
    private string _who = "";

    public async Task<IActionResult> OnGetAsync(string token, string? lang, CancellationToken ct)
    {
        await LoadAsync(token, lang, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? lang, CancellationToken ct)
    {
        if (!await LoadAsync(token, lang, ct)) return Page();
        var accepted = Choice == "accepted";
        if (!accepted && Choice != "declined")
        {
            Error = Say("Answer.Choose");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var command = new AnswerInvitation(
            accepted ? InvitationResponse.Accepted : InvitationResponse.Declined,
            clock.TodayIn(_definition!.Country), // the date of the answer in the body's country
            accepted ? new Nominee(NomineeName?.Trim() ?? "", Blank(NomineePosition), Blank(NomineeEmail)) : null,
            Blank(Reason));
        try
        {
            await processes.AnswerInvitationAsync(_ticket!.ProcessId, _ticket.StepId, _ticket.BodyId, command, _who, ct, announce: true);
            await notices.SendSoonAsync(ct); // now, not at the next sweep
            Answered = true;
        }
        catch (DomainRuleException ex)
        {
            Error = RuleMessage(ex);
            Response.StatusCode = ex.Kind == RuleKind.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        }
        return Page();
    }

    /// <summary>A rule's refusal in the page's language, led by the field's label: the message stands above the form.</summary>
    private string RuleMessage(DomainRuleException error)
    {
        Use(Language); // the culture LoadAsync set ended with it: an async method's ambient changes do not reach its caller
        var message = text.Rule(error, _definition);
        var label = error.Field switch
        {
            "nominee" or "nominee.name" => Say("Answer.NomineeName"),
            "nominee.position" => Say("Answer.NomineePosition"),
            "nominee.email" => Say("Answer.NomineeEmail"),
            "reason" => Say("Answer.Reason"),
            _ => null,
        };
        return label is null ? message : $"{label}: {message}";
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Reads the link; false (with the refusal and its status code set) when it cannot be used.</summary>
    private async Task<bool> LoadAsync(string token, string? lang, CancellationToken ct)
    {
        if (texts.Known(lang) is { } chosen) Use(chosen);
        var (check, ticket) = links.Read(token);
        if (check == TicketCheck.Forged) return Refuse(StatusCodes.Status400BadRequest, Say("Answer.Forged"));
        // An expired link is still ours (its signature holds): it is refused in the body's language, naming whom to ask.
        _ticket = ticket!;

        var process = await processes.FindAsync(_ticket.ProcessId, ct);
        if (process is null) return Refuse(StatusCodes.Status404NotFound, Say("Answer.NotInvited"));
        var definition = processes.DefinitionOf(process);
        var body = definition.FindBody(_ticket.BodyId);
        var step = definition.FindStep(_ticket.StepId);
        var invitation = process.Step(_ticket.StepId)?.Invitations.FirstOrDefault(i => i.BodyId == _ticket.BodyId);
        if (body is null || step is null || invitation is null) return Refuse(StatusCodes.Status404NotFound, Say("Answer.NotInvited"));

        if (texts.Known(lang) is null) Use(texts.For(body.Language));
        _definition = definition;
        (_body, _step, _sentOn) = (body, step, invitation.SentOn);
        if (texts.Known(lang) is null && body.AlsoIn is { } second && texts.For(second) != Language) Second = texts.For(second);
        if (definition.FindBody(definition.LeadBodyId) is { Contact: { } lead } leadBody)
            Contact = $"{leadBody.Name.Get(Language)} <{lead.Email}>";
        if (check == TicketCheck.Expired) return Refuse(StatusCodes.Status410Gone, Say("Answer.Expired"));
        _who = $"{body.Contact?.Email ?? body.Id} (answer link)";
        Token = token;
        if (process.Status != ProcessStatus.Cancelled)
        {
            CanAttach = true;
            Sent = await attachments.ListAsync(Core.Attachments.AttachmentOwner.OfInvitation(process.Id, _ticket.StepId, _ticket.BodyId), ct);
        }

        if (invitation.Status != InvitationStatus.Pending)
            return Refuse(StatusCodes.Status409Conflict, Say("Answer.Answered", text.Of(invitation.Status), text.Date(invitation.RespondedOn)));
        if (process.Status != ProcessStatus.Active || process.Step(_ticket.StepId)!.Status != StepStatus.Active)
            return Refuse(StatusCodes.Status409Conflict, Say("Answer.Closed"));
        if (invitation.Version != _ticket.InvitationVersion) return Refuse(StatusCodes.Status409Conflict, Say("Answer.Replaced"));
        return true;
    }

    /// <summary>
    /// The page speaks the body's language (or the one chosen by the link), whatever the browser's cookie says; the culture
    /// set here formats the rest of <see cref="LoadAsync"/>.
    /// </summary>
    private void Use(string language)
    {
        Language = language;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
    }

    private bool Refuse(int status, string why)
    {
        Refusal = why;
        Response.StatusCode = status;
        return false;
    }
}
