using System.Security.Claims;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Web.Auth;
using WorkingGroups.Web.Processes;

namespace WorkingGroups.Web.Reminders;

public static class RemindersApi
{
    /// <summary>Reads for any signed-in user; send-now, pause and resume for the country's coordinators and admins; the sweep for admins.</summary>
    public static WebApplication MapRemindersApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/processes/{id:guid}/reminders").WithTags("Reminders").RequireAuthorization()
            .AddEndpointFilter<ProblemFilter>();

        group.MapGet("/", async (Guid id, ProcessService processes, ReminderService reminders, CancellationToken ct) =>
        {
            await Existing(processes, id, ct);
            return TypedResults.Ok(new RemindersView(await reminders.IsPausedAsync(id, ct), (await reminders.ListAsync(id, ct)).Select(ReminderView.From).ToList()));
        });

        group.MapPost("/send-now", async (Guid id, ClaimsPrincipal user, ProcessService processes, ReminderService reminders, CancellationToken ct) =>
        {
            var process = await Coordinated(processes, id, user, ct);
            return TypedResults.Ok((await reminders.SendNowAsync(process, ct)).Select(ReminderView.From).ToList());
        });

        group.MapPost("/pause", async (Guid id, ClaimsPrincipal user, ProcessService processes, ReminderService reminders, CancellationToken ct) =>
        {
            await Coordinated(processes, id, user, ct);
            await reminders.PauseAsync(id, user.Who(), ct);
            return TypedResults.Ok(new RemindersView(true, (await reminders.ListAsync(id, ct)).Select(ReminderView.From).ToList()));
        });

        group.MapPost("/resume", async (Guid id, ClaimsPrincipal user, ProcessService processes, ReminderService reminders, CancellationToken ct) =>
        {
            await Coordinated(processes, id, user, ct);
            await reminders.ResumeAsync(id, ct);
            return TypedResults.Ok(new RemindersView(false, (await reminders.ListAsync(id, ct)).Select(ReminderView.From).ToList()));
        });

        app.MapPost("/api/v1/admin/reminders/sweep", async (ReminderSweep sweep, CancellationToken ct) =>
            {
                var result = await sweep.RunAsync(ct);
                return TypedResults.Ok(new SweepView(result.Recorded.Select(ReminderView.From).ToList(), result.Scheduled.Select(ReminderView.From).ToList()));
            })
            .WithTags("Reminders").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        return app;
    }

    private static async Task<Process> Existing(ProcessService processes, Guid id, CancellationToken ct) =>
        await processes.FindAsync(id, ct) ?? throw ProcessRuleException.NotFound($"There is no process {id}.");

    private static async Task<Process> Coordinated(ProcessService processes, Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var process = await Existing(processes, id, ct);
        if (!user.CanCoordinate(process.Country))
            throw new AccessDeniedException($"Only a coordinator for {process.Country} or an admin may change the reminders of this process.");
        return process;
    }
}

public sealed record RemindersView(bool Paused, IReadOnlyList<ReminderView> Reminders);

public sealed record SweepView(IReadOnlyList<ReminderView> Recorded, IReadOnlyList<ReminderView> Scheduled);

public sealed record ReminderView(
    long Id, Guid ProcessId, string StepId, string BodyId, string Kind, int Sequence, DateOnly DueOn, string Status,
    int Attempts, string? LastError, string? Recipients, string? Language, string? MessageId, DateTime? SentAt)
{
    public static ReminderView From(Reminder r) => new(r.Id, r.ProcessId, r.StepId, r.BodyId, r.Kind.ToString().ToLowerInvariant(), r.Sequence,
        r.DueOn, r.Status.ToString().ToLowerInvariant(), r.Attempts, r.LastError, r.Recipients, r.Language, r.MessageId, r.SentAt);
}
