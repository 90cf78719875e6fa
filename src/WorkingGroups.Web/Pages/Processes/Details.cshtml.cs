using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Calendars;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Letters;
using WorkingGroups.Core.Forecasts;
using WorkingGroups.Infrastructure.Forecasts;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Web.Auth;
using WorkingGroups.Infrastructure.Mail;

namespace WorkingGroups.Web.Pages.Processes;

/// <summary>
/// A process: its steps, the forms that advance them, corrections, cancellation and the audit trail. Every form goes
/// through <see cref="ProcessService"/>, the same code path as the API, and shows its refusal next to the field.
/// </summary>
internal sealed class DetailsModel(ProcessService service, Infrastructure.Attachments.AttachmentService attachments, ForecastService forecasts, ReminderService reminders, LetterService letters, AnswerNotices answerNotices, SmtpOptions smtp, IStringLocalizer t)
    : PageModel
{
    public Process Process { get; private set; } = null!;
    public ProcessDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];
    public IReadOnlyList<Reminder> Reminders { get; private set; } = [];
    /// <summary>The coordinators' e-mails about answers given through a link (<see cref="Infrastructure.Reminders.AnswerNotices"/>).</summary>
    public IReadOnlyList<AnswerNotice> AnswerNotices { get; private set; } = [];
    public bool RemindersPaused { get; private set; }
    public IReadOnlyList<Core.Attachments.Attachment> Documents { get; private set; } = [];

    /// <summary>
    /// What the documents' partial shows for a step (<paramref name="bodyId"/> null) or one body's answer in it: the
    /// documents, where they download from, and where a coordinator of the country adds a step's.
    /// </summary>
    public (IReadOnlyList<Core.Attachments.Attachment>, string, string?, long) AttachmentsOf(string stepId, string? bodyId)
    {
        var owner = bodyId is null ? Core.Attachments.AttachmentOwner.OfStep(Process.Id, stepId) : Core.Attachments.AttachmentOwner.OfInvitation(Process.Id, stepId, bodyId);
        var api = $"/api/v1/processes/{Process.Id}/steps/{stepId}" + (bodyId is null ? "" : $"/invitations/{bodyId}") + "/attachments";
        var upload = bodyId is null && CanCorrect ? $"/processes/{Process.Id}/steps/{stepId}/attachments" : null;
        return (Documents.Where(a => a.Owner == owner).ToList(), api, upload, attachments.Options.MaxMegabytes);
    }
    /// <summary>When the process, running, is likely to be established; null once it is not running.</summary>
    public Forecast? Forecast { get; private set; }
    /// <summary>Without an SMTP server reminders fall due and stay so: the page says it rather than promise e-mail.</summary>
    public bool MailConfigured => smtp.IsConfigured;
    /// <summary>Today in the process's country.</summary>
    public DateOnly Today => service.TimeOf(Process).Today;
    /// <summary>What the benchmarks count: calendar days, or the country's working days.</summary>
    public DayRuler Ruler => service.TimeOf(Process).Ruler;
    /// <summary>The years its working days cannot be counted in for want of its country's calendar year.</summary>
    public IReadOnlyList<int> MissingCalendarYears => service.MissingCalendarYears(Process);
    public bool CanChange => Process.Status == ProcessStatus.Active && User.CanCoordinate(Process.Country);
    public bool CanCorrect => Process.Status != ProcessStatus.Cancelled && User.CanCoordinate(Process.Country);
    public FormState Form { get; } = new();

    /// <summary>The step letters of a step, by kind (the letter to the Minister, the request to the Government).</summary>
    public IEnumerable<string> StepLetters(string stepId) =>
        letters.KindsFor(Definition).Where(t => t.StepId == stepId).Select(t => t.Kind);

    /// <summary>Whether the country has a letter of this kind for each invited body (invitation, reminder).</summary>
    public bool HasInvitationLetter(string kind) => letters.KindsFor(Definition).Any(t => t.Kind == kind);

    /// <summary>What was typed into the posted form, shown again when it is refused.</summary>
    [BindProperty] public StepForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostCompleteAsync(Guid id, string step, CancellationToken ct) =>
        ChangeAsync(id, $"complete:{step}", step, async () =>
        {
            var completedOn = Form.Date("completedOn", Input.Date, t, required: true);
            var evidence = Input.Evidence(Form, t);
            return Form.HasErrors ? null : await service.CompleteStepAsync(id, step, new CompleteStep(completedOn!.Value, Input.Note, evidence), User.Who(), ct);
        }, ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, string step, string body, CancellationToken ct) =>
        ChangeAsync(id, $"answer:{step}:{body}", step, async () =>
        {
            var respondedOn = Form.Date("respondedOn", Input.Date, t, required: true);
            InvitationResponse? response = Input.Response switch
            {
                "accepted" => InvitationResponse.Accepted,
                "declined" => InvitationResponse.Declined,
                _ => null,
            };
            if (response is null) Form.Add("response", t["Form.ChooseResponse"]);
            if (Form.HasErrors) return null;
            var nominee = response == InvitationResponse.Accepted && !string.IsNullOrWhiteSpace(Input.NomineeName)
                ? new Nominee(Input.NomineeName.Trim(), Blank(Input.NomineePosition), Blank(Input.NomineeEmail))
                : null;
            return await service.AnswerInvitationAsync(id, step, body,
                new AnswerInvitation(response!.Value, respondedOn!.Value, nominee, Blank(Input.Reason)), User.Who(), ct);
        }, ct);

    public Task<IActionResult> OnPostCorrectAsync(Guid id, string step, CancellationToken ct) =>
        ChangeAsync(id, $"correct:{step}", step, async () =>
        {
            var completedOn = Form.Date("completedOn", Input.Date, t, required: false);
            var evidence = Input.Evidence(Form, t);
            return Form.HasErrors ? null : await service.CorrectStepAsync(id, step,
                new CorrectStep(completedOn, Input.Note, evidence.Count == 0 ? null : evidence), User.Who(), ct);
        }, ct, correction: true);

    public Task<IActionResult> OnPostSendBackAsync(Guid id, string step, CancellationToken ct) =>
        ChangeAsync(id, $"send-back:{step}", step, async () =>
        {
            var sentBackOn = Form.Date("sentBackOn", Input.Date, t, required: true);
            return Form.HasErrors ? null : await service.SendBackAsync(id, step, new SendBackStep(sentBackOn!.Value, Input.Reason ?? ""), User.Who(), ct);
        }, ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, "cancel", null, async () =>
        {
            var cancelledOn = Form.Date("cancelledOn", Input.Date, t, required: true);
            return Form.HasErrors ? null : await service.CancelAsync(id, new CancelProcess(cancelledOn!.Value, Input.Reason ?? ""), User.Who(), ct);
        }, ct);

    public Task<IActionResult> OnPostSendRemindersAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, "reminders", null, async () => { await reminders.SendNowAsync(Process, ct); return Process; }, ct, anchor: "reminders");

    public Task<IActionResult> OnPostPauseRemindersAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, "reminders", null, async () => { await reminders.PauseAsync(id, User.Who(), ct); return Process; }, ct, anchor: "reminders");

    public Task<IActionResult> OnPostResumeRemindersAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, "reminders", null, async () => { await reminders.ResumeAsync(id, ct); return Process; }, ct, anchor: "reminders");

    /// <summary>A reminder sent outside the app; the invitation is posted as "step:body".</summary>
    public Task<IActionResult> OnPostRecordReminderAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, RecordReminderForm, null, async () =>
        {
            var target = Input.Invitation?.Split(':', 2);
            if (target is not [var stepId, var bodyId]) Form.Add("invitation", t["Reminders.Record.ChooseInvitation"]);
            var sentOn = Form.Date("sentOn", Input.Date, t, required: true);
            var channel = PostedChannel();
            if (Form.HasErrors) return null;
            await reminders.RecordAsync(id, new RecordReminder(target![0], target[1], sentOn!.Value, channel!.Value, Input.LetterNumber, Input.Note),
                User.Who(), ct);
            return Process;
        }, ct, anchor: "reminders");

    public const string RecordReminderForm = "record-reminder";

    /// <summary>A correction of a recorded reminder: every field is posted, so an emptied one is cleared.</summary>
    public Task<IActionResult> OnPostCorrectReminderAsync(Guid id, long reminder, CancellationToken ct) =>
        ChangeAsync(id, CorrectReminderForm(reminder), null, async () =>
        {
            var channel = PostedChannel();
            if (Form.HasErrors) return null;
            await reminders.CorrectRecordedAsync(id, reminder, new CorrectRecordedReminder(channel, Input.LetterNumber ?? "", Input.Note ?? ""), User.Who(), ct);
            return Process;
        }, ct, correction: true, anchor: "reminders");

    public static string CorrectReminderForm(long reminder) => $"correct-reminder:{reminder}";

    /// <summary>Withdraws a reminder recorded by mistake; a refusal shows above the reminders (the reminder may be gone).</summary>
    public Task<IActionResult> OnPostWithdrawReminderAsync(Guid id, long reminder, CancellationToken ct) =>
        ChangeAsync(id, "reminders", null, async () =>
        {
            await reminders.WithdrawRecordedAsync(id, reminder, User.Who(), ct);
            return Process;
        }, ct, correction: true, anchor: "reminders");

    /// <summary>The channel chosen on a reminder form, or null with the refusal next to its field.</summary>
    private ReminderChannel? PostedChannel()
    {
        try
        {
            return RecordedReminders.Channel(Input.Channel);
        }
        catch (DomainRuleException ex)
        {
            Form.Add(ex, t, Definition);
            return null;
        }
    }

    /// <summary>The invitations a reminder can be recorded for: pending, in an active invitations step.</summary>
    public IEnumerable<(ProcessStep Step, Invitation Invitation)> PendingInvitations =>
        Process.Steps.Where(s => s.Status == StepStatus.Active).OrderBy(s => s.Order)
            .SelectMany(s => s.Invitations.Where(i => i.Status == InvitationStatus.Pending).Select(i => (s, i)));

    /// <summary>Loads, checks the user may change this process, runs the change; refusals re-render the page with what was typed.</summary>
    private async Task<IActionResult> ChangeAsync(Guid id, string form, string? step, Func<Task<Process?>> change, CancellationToken ct,
        bool correction = false, string? anchor = null)
    {
        // The process alone decides who may change it; the rest of the page is read only to show a refusal.
        if (!await LoadProcessAsync(id, ct)) return NotFound();
        if (!(correction ? CanCorrect : User.CanCoordinate(Process.Country))) return Forbid();
        Form.Posted = form;
        try
        {
            if (await change() is not null) return Redirect($"/processes/{id}" + (step is not null ? $"#step-{step}" : anchor is not null ? $"#{anchor}" : ""));
        }
        catch (DomainRuleException ex)
        {
            Form.Add(ex, t, Definition);
        }
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadProcessAsync(id, ct)) return false;
        Audit = await service.AuditAsync(id, ct);
        Reminders = await reminders.ListAsync(id, ct);
        AnswerNotices = await answerNotices.ListAsync(id, ct);
        RemindersPaused = await reminders.IsPausedAsync(id, ct);
        Documents = await attachments.ListAllAsync(id, ct);
        Forecast = await forecasts.OfAsync(Process, Today, ct);
        return true;
    }

    private async Task<bool> LoadProcessAsync(Guid id, CancellationToken ct)
    {
        var process = await service.FindAsync(id, ct);
        if (process is null) return false;
        Process = process;
        Definition = service.DefinitionOf(process);
        return true;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public string Value(string form, Func<StepForm, string?> field, string? otherwise = null) =>
        Form.Is(form) ? field(Input) ?? "" : otherwise ?? "";
}

/// <summary>The fields of the step forms; each form uses the ones it needs.</summary>
internal sealed class StepForm
{
    public string? Date { get; set; }
    public string? Note { get; set; }
    public string? EvidenceTitle { get; set; }
    public string? EvidenceNumber { get; set; }
    public string? EvidenceDate { get; set; }
    public string? Response { get; set; }
    public string? NomineeName { get; set; }
    public string? NomineePosition { get; set; }
    public string? NomineeEmail { get; set; }
    public string? Reason { get; set; }
    /// <summary>The recorded reminder's invitation ("step:body"), channel and letter number.</summary>
    public string? Invitation { get; set; }
    public string? Channel { get; set; }
    public string? LetterNumber { get; set; }

    /// <summary>The letter typed into the form, if any: a number or a date without a title is still a letter.</summary>
    public List<Evidence> Evidence(FormState form, IStringLocalizer t)
    {
        if (string.IsNullOrWhiteSpace(EvidenceTitle) && string.IsNullOrWhiteSpace(EvidenceNumber)) return [];
        var date = form.Date("evidence[0].date", EvidenceDate, t, required: false);
        return [new Evidence(EvidenceTitle?.Trim() ?? "", string.IsNullOrWhiteSpace(EvidenceNumber) ? null : EvidenceNumber.Trim(), date)];
    }
}
