using System.Security.Claims;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Web.Auth;
using WorkingGroups.Web.Processes;
using WorkingGroups.Web.Hosting;

namespace WorkingGroups.Web.Reminders;

internal static class RemindersApi
{
    /// <summary>
    /// Reads for any signed-in user; send-now, pause, resume and recording a reminder sent outside the app for the
    /// country's coordinators and admins; the sweep for admins.
    /// </summary>
    public static WebApplication MapRemindersApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/processes/{id:guid}/reminders").WithTags("Reminders").RequireAuthorization()
            .AddEndpointFilter<ProblemFilter>();

        group.MapGet("/", async (Guid id, ProcessService processes, ReminderService reminders, CancellationToken ct) =>
        {
            await Existing(processes, id, ct);
            return TypedResults.Ok(new RemindersView(await reminders.IsPausedAsync(id, ct), (await reminders.ListAsync(id, ct)).Select(ReminderView.From).ToList()));
        })
            .WithName("listReminders").WithSummary("List a process's reminders and whether they are paused");

        group.MapPost("/send-now", async (Guid id, ClaimsPrincipal user, ProcessService processes, ReminderService reminders, CancellationToken ct) =>
        {
            var process = await Coordinated(processes, id, user, ct);
            return TypedResults.Ok((await reminders.SendNowAsync(process, ct)).Select(ReminderView.From).ToList());
        })
            .WithName("sendRemindersNow").WithSummary("Remind every body that has to act, now")
            .ProducesProblem(StatusCodes.Status409Conflict); // a process no longer active has nobody to remind

        group.MapPost("/pause", async (Guid id, ClaimsPrincipal user, ProcessService processes, ReminderService reminders, CancellationToken ct) =>
        {
            await Coordinated(processes, id, user, ct);
            await reminders.PauseAsync(id, user.Who(), ct);
            return TypedResults.Ok(new RemindersView(true, (await reminders.ListAsync(id, ct)).Select(ReminderView.From).ToList()));
        })
            .WithName("pauseReminders").WithSummary("Pause a process's reminders");

        group.MapPost("/resume", async (Guid id, ClaimsPrincipal user, ProcessService processes, ReminderService reminders, CancellationToken ct) =>
        {
            await Coordinated(processes, id, user, ct);
            await reminders.ResumeAsync(id, ct);
            return TypedResults.Ok(new RemindersView(false, (await reminders.ListAsync(id, ct)).Select(ReminderView.From).ToList()));
        })
            .WithName("resumeReminders").WithSummary("Resume a process's reminders");

        // A reminder sent outside the app (a letter, a call, the ministry's own e-mail), recorded so it counts in the series.
        group.MapPost("/recorded", async (Guid id, RecordReminderRequest request, ClaimsPrincipal user, ProcessService processes,
            ReminderService reminders, CancellationToken ct) =>
        {
            await Coordinated(processes, id, user, ct);
            var reminder = await reminders.RecordAsync(id, request.ToCommand(), user.Who(), ct);
            return TypedResults.Created($"/api/v1/processes/{id}/reminders", ReminderView.From(reminder));
        })
            .WithName("recordReminder").WithSummary("Record a reminder sent outside the app")
            .WithIdempotencyKey()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        // A correction of a recorded reminder: a mistyped letter number, the wrong channel, a note. The audit keeps the old values.
        group.MapPatch("/recorded/{reminderId:long}", async (Guid id, long reminderId, CorrectRecordedReminderRequest request, ClaimsPrincipal user,
            ProcessService processes, ReminderService reminders, CancellationToken ct) =>
        {
            await Coordinated(processes, id, user, ct);
            return TypedResults.Ok(ReminderView.From(await reminders.CorrectRecordedAsync(id, reminderId, request.ToCommand(), user.Who(), ct)));
        })
            .WithName("correctRecordedReminder").WithSummary("Correct a recorded reminder")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        // A reminder recorded by mistake (it never went out): it leaves the series, and the audit keeps it.
        group.MapDelete("/recorded/{reminderId:long}", async (Guid id, long reminderId, ClaimsPrincipal user,
            ProcessService processes, ReminderService reminders, CancellationToken ct) =>
        {
            await Coordinated(processes, id, user, ct);
            await reminders.WithdrawRecordedAsync(id, reminderId, user.Who(), ct);
            return TypedResults.NoContent();
        })
            .WithName("withdrawRecordedReminder").WithSummary("Withdraw a reminder recorded by mistake")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapPost("/api/v1/admin/reminders/sweep", async (ReminderSweep sweep, CancellationToken ct) =>
            {
                var result = await sweep.RunAsync(ct);
                return TypedResults.Ok(new SweepView(result.Recorded.Select(ReminderView.From).ToList(), result.Scheduled.Select(ReminderView.From).ToList(),
                    result.DigestsScheduled));
            })
            .WithName("sweepReminders").WithSummary("Run the reminder sweep now (admins)")
            .WithTags("Reminders").RequireAuthorization(p => p.RequireRole(Roles.Admin));

        // The weekly digest is the signed-in coordinator's (or admin's) own choice.
        var digest = app.MapGroup("/api/v1/reminders/digest").WithTags("Reminders").RequireAuthorization(p => p.RequireRole(Roles.Coordinator, Roles.Admin))
            .AddEndpointFilter<ProblemFilter>();
        digest.MapGet("/", async (ClaimsPrincipal user, Digests digests, CancellationToken ct) =>
            TypedResults.Ok(new DigestView(await digests.IsSubscribedAsync(Email(user), ct))))
            .WithName("getDigest").WithSummary("Whether the caller gets the weekly digest");
        digest.MapPut("/", async (DigestView request, ClaimsPrincipal user, Digests digests, CancellationToken ct) =>
        {
            if (request.Weekly is not { } weekly) throw DomainRuleException.Invalid("weekly", "weekly-required");
            await digests.SubscribeAsync(Email(user), user.IsAdmin() ? null : user.Country(), weekly, ct);
            return TypedResults.Ok(request);
        })
            .WithName("setDigest").WithSummary("Subscribe to or leave the weekly digest");
        return app;
    }

    private static string Email(ClaimsPrincipal user) => user.Identity?.Name ?? throw new AccessDeniedException("Your sign-in names no e-mail address.");

    private static async Task<Process> Existing(ProcessService processes, Guid id, CancellationToken ct) =>
        await processes.FindAsync(id, ct) ?? throw DomainRuleException.NotFound("process-not-found", id);

    private static async Task<Process> Coordinated(ProcessService processes, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var process = await Existing(processes, id, ct);
        if (!user.CanCoordinate(process.Country))
            throw new AccessDeniedException($"Only a coordinator for {process.Country} or an admin may change the reminders of this process.");
        return process;
    }
}

internal sealed record RemindersView(bool Paused, IReadOnlyList<ReminderView> Reminders);

internal sealed record SweepView(IReadOnlyList<ReminderView> Recorded, IReadOnlyList<ReminderView> Scheduled, int DigestsScheduled);

/// <summary>Whether the weekly digest (Mondays) goes to the signed-in user.</summary>
internal sealed record DigestView(bool? Weekly);

/// <summary>
/// One reminder. A recorded one (kind "recorded") was sent outside the app: its dueOn and sentOn are the date it was sent,
/// with its channel, letter number, note and who recorded it, and no Message-ID.
/// </summary>
internal sealed record ReminderView(
    long Id, Guid ProcessId, string StepId, string BodyId, string Kind, int Sequence, DateOnly DueOn, string Status,
    int Attempts, string? LastError, string? Recipients, string? Language, string? MessageId, DateTime? SentAt,
    DateOnly? SentOn, string? Channel, string? LetterNumber, string? Note, string? RecordedBy)
{
    public static ReminderView From(Reminder r) => new(r.Id, r.ProcessId, r.StepId, r.BodyId, r.Kind.ToString().ToLowerInvariant(), r.Sequence,
        r.DueOn, r.Status.ToString().ToLowerInvariant(), r.Attempts, r.LastError, r.Recipients, r.Language, r.MessageId, r.SentAt,
        r.SentOn(),
        r.Channel is { } channel ? RecordedReminders.Name(channel) : null, r.LetterNumber, r.Note, r.RecordedBy);
}

/// <summary>What to correct in a recorded reminder; a field left out stays as it is, an empty text clears it.</summary>
internal sealed record CorrectRecordedReminderRequest(string? Channel, string? LetterNumber, string? Note)
{
    public CorrectRecordedReminder ToCommand() => new(Channel is null ? null : RecordedReminders.Channel(Channel), LetterNumber, Note);
}

/// <summary>A reminder sent outside the app: which invitation (step and body) it chased, when, how.</summary>
internal sealed record RecordReminderRequest(string? StepId, string? BodyId, DateOnly? SentOn, string? Channel, string? LetterNumber, string? Note)
{
    public RecordReminder ToCommand() => new(RequestMapping.Required(StepId, "stepId"), RequestMapping.Required(BodyId, "bodyId"),
        RequestMapping.Required(SentOn, "sentOn"), RecordedReminders.Channel(Channel), LetterNumber, Note);
}
