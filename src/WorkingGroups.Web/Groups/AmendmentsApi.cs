using System.Security.Claims;
using WorkingGroups.Web.Auth;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Groups;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Web.Processes;

namespace WorkingGroups.Web.Groups;

internal sealed record StartAmendmentRequest(string? DefinitionId, DateOnly? StartedOn, string? Title, List<string>? Withdraw);

/// <summary>An amendment: the group, the bodies it withdraws, and its process (steps, invitations, elapsed days).</summary>
internal sealed record AmendmentView(Guid ProcessId, Guid GroupId, IReadOnlyList<string> Withdraw, ProcessView? Process);

internal static class AmendmentsApi
{
    /// <summary>Amendments of a group's composition under /api/v1/groups/{groupId}/amendments; each runs as a process.</summary>
    public static RouteGroupBuilder MapAmendmentsApi(this RouteGroupBuilder groups)
    {
        groups.MapGet("/{groupId:guid}/amendments", async (Guid groupId, AmendmentService amendments, ProcessService processes,
            GroupService service, CancellationToken ct) =>
        {
            var views = new List<AmendmentView>();
            foreach (var a in await amendments.ListAsync(groupId, ct))
            {
                var process = await processes.FindAsync(a.ProcessId, ct);
                views.Add(new AmendmentView(a.ProcessId, a.GroupId, a.Withdraw,
                    process is null ? null : ProcessView.Of(process, processes)));
            }
            return TypedResults.Ok(views);
        })
            .WithName("listAmendments").WithSummary("List a group's amendments");

        groups.MapPost("/{groupId:guid}/amendments", async (Guid groupId, StartAmendmentRequest request, ClaimsPrincipal user,
            AmendmentService amendments, ProcessService processes, GroupService service, CancellationToken ct) =>
        {
            await GroupsApi.AuthorizeAsync(user, groupId, service, ct);
            var command = new StartAmendment(
                string.IsNullOrWhiteSpace(request.DefinitionId) ? throw DomainRuleException.Invalid("definitionId", "required", "definitionId") : request.DefinitionId,
                RequestMapping.Required(request.StartedOn, "startedOn"), request.Title, request.Withdraw ?? []);
            var (amendment, process) = await amendments.StartAsync(groupId, command, user.Who(), ct);
            return TypedResults.Created($"/api/v1/processes/{process.Id}",
                new AmendmentView(amendment.ProcessId, groupId, amendment.Withdraw, ProcessView.Of(process, processes)));
        })
            .WithName("startAmendment").WithSummary("Start an amendment of a group's composition");

        return groups;
    }
}
