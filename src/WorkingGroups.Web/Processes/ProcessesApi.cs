using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Forecasts;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Web.Auth;
using WorkingGroups.Web.Hosting;

namespace WorkingGroups.Web.Processes;

internal static class ProcessesApi
{
    /// <summary>The coordinator's API: reads for any signed-in user, writes for the process country's coordinators and admins.</summary>
    public static WebApplication MapProcessesApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/processes").WithTags("Processes").RequireAuthorization()
            .WithProblems()
            .AddEndpointFilter<ProblemFilter>().WithIdempotencyKey();

        group.MapGet("/", async (string? country, string? status, ProcessService service, ForecastService forecasts, CancellationToken ct) =>
        {
            ProcessStatus? wanted = status is null ? null
                : Enum.TryParse<ProcessStatus>(status, ignoreCase: true, out var s) ? s
                : throw DomainRuleException.Invalid("status", "not-a-status", status);
            var processes = await service.ListAsync(country?.ToUpperInvariant(), wanted, ct);
            var views = new List<ProcessView>(processes.Count);
            foreach (var p in processes) views.Add(ProcessView.Of(p, service, await forecasts.OfAsync(p, service.TimeOf(p).Today, ct)));
            return TypedResults.Ok(views);
        })
            .WithName("listProcesses").WithSummary("List processes, by country and status");

        group.MapGet("/{id:guid}", async (Guid id, ProcessService service, ForecastService forecasts, CancellationToken ct) =>
        {
            var process = await Existing(service, id, ct);
            return TypedResults.Ok(ProcessView.Of(process, service, await forecasts.OfAsync(process, service.TimeOf(process).Today, ct)));
        })
            .WithName("getProcess").WithSummary("Get a process with its steps and invitations");

        group.MapGet("/{id:guid}/audit", async (Guid id, ProcessService service, CancellationToken ct) =>
            TypedResults.Ok((await service.AuditAsync(id, ct)).Select(AuditView.From).ToList()))
            .WithName("getProcessAudit").WithSummary("Get a process's audit trail");

        group.MapPost("/", async (StartProcessRequest request, ClaimsPrincipal user, ProcessService service, Core.Definitions.DefinitionCatalog catalog, CancellationToken ct) =>
        {
            var command = request.ToCommand();
            if (catalog.Find(command.DefinitionId, command.Version) is { } definition) Authorize(user, definition.Country);
            var process = await service.StartAsync(command, user.Who(), ct);
            return TypedResults.Created($"/api/v1/processes/{process.Id}", View(process, service));
        })
            .WithName("startProcess").WithSummary("Start a process");

        group.MapPost("/{id:guid}/steps/{stepId}/complete", async (Guid id, string stepId, CompleteStepRequest request, ClaimsPrincipal user,
            ProcessService service, CancellationToken ct) =>
            TypedResults.Ok(View(await service.CompleteStepAsync(id, stepId, request.ToCommand(), user.Who(), ct, Authorized(user)), service)))
            .WithName("completeStep").WithSummary("Complete an active step");

        group.MapPost("/{id:guid}/steps/{stepId}/invitations/{bodyId}", async (Guid id, string stepId, string bodyId, AnswerRequest request,
            ClaimsPrincipal user, ProcessService service, CancellationToken ct) =>
            TypedResults.Ok(View(await service.AnswerInvitationAsync(id, stepId, bodyId, request.ToCommand(), user.Who(), ct, Authorized(user)), service)))
            .WithName("answerInvitation").WithSummary("Record an agency's answer to an invitation");

        group.MapPatch("/{id:guid}/steps/{stepId}", async (Guid id, string stepId, CorrectStepRequest request, ClaimsPrincipal user,
            ProcessService service, CancellationToken ct) =>
            TypedResults.Ok(View(await service.CorrectStepAsync(id, stepId, request.ToCommand(), user.Who(), ct, Authorized(user)), service)))
            .WithName("correctStep").WithSummary("Correct a step's recorded date, note or evidence");

        group.MapPost("/{id:guid}/steps/{stepId}/send-back", async (Guid id, string stepId, SendBackRequest request, ClaimsPrincipal user,
            ProcessService service, CancellationToken ct) =>
            TypedResults.Ok(View(await service.SendBackAsync(id, stepId, request.ToCommand(), user.Who(), ct, Authorized(user)), service)))
            .WithName("sendBackStep").WithSummary("Send a done step back for another round");

        group.MapPost("/{id:guid}/cancel", async (Guid id, CancelRequest request, ClaimsPrincipal user, ProcessService service,
            CancellationToken ct) =>
            TypedResults.Ok(View(await service.CancelAsync(id, request.ToCommand(), user.Who(), ct, Authorized(user)), service)))
            .WithName("cancelProcess").WithSummary("Cancel a process");

        return app;
    }

    private static ProcessView View(Process process, ProcessService service) =>
        ProcessView.Of(process, service);

    private static async Task<Process> Existing(ProcessService service, Guid id, CancellationToken ct) =>
        await service.FindAsync(id, ct) ?? throw DomainRuleException.NotFound("process-not-found", id);

    /// <summary>The country a write is authorized against: one small read, not the whole process the action reads anyway.</summary>
    /// <summary>The check of a change, run by the service on the process it reads (so no read of its own).</summary>
    private static Action<Process> Authorized(ClaimsPrincipal user) => process => Authorize(user, process.Country);

    private static void Authorize(ClaimsPrincipal user, string country)
    {
        if (!user.CanCoordinate(country)) throw new AccessDeniedException($"Only a coordinator for {country} or an admin may change this process.");
    }
}
