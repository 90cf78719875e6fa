using System.Security.Claims;
using WorkingGroups.Core.Groups;
using WorkingGroups.Infrastructure.Groups;
using WorkingGroups.Web.Auth;
using WorkingGroups.Web.Hosting;
using WorkingGroups.Web.Processes;

namespace WorkingGroups.Web.Groups;

internal static class GroupsApi
{
    /// <summary>
    /// The groups API under /api/v1/groups, with their amendments, meetings and Work Plans (the pages are Razor Pages
    /// under /groups). Reads for any signed-in user; changes for the group country's coordinators and admins.
    /// </summary>
    public static WebApplication MapGroups(this WebApplication app)
    {
        var groups = app.MapGroup("/api/v1/groups").WithTags("Groups").RequireAuthorization().WithProblems()
            .AddEndpointFilter<ProblemFilter>();

        groups.MapGet("/", async (string? country, GroupService service, CancellationToken ct) =>
            TypedResults.Ok((await service.ListAsync(country?.ToUpperInvariant(), ct)).Select(g => GroupSummaryView.From(g, service.Today)).ToList()))
            .WithName("listGroups").WithSummary("List the established groups, by country");

        groups.MapGet("/{groupId:guid}", async (Guid groupId, GroupService service, CancellationToken ct) =>
            TypedResults.Ok(GroupView.From(await service.GetAsync(groupId, ct), service.Today)))
            .WithName("getGroup").WithSummary("Get a group");

        groups.MapGet("/{groupId:guid}/composition", async (Guid groupId, DateOnly? asOf, GroupService service, CancellationToken ct) =>
            TypedResults.Ok(CompositionView.From((await service.GetAsync(groupId, ct)).CompositionOn(asOf ?? service.Today))))
            .WithName("getComposition").WithSummary("A group's composition on a date");

        groups.MapGet("/{groupId:guid}/notices", async (Guid groupId, GroupService service, CancellationToken ct) =>
            TypedResults.Ok((await service.NoticesAsync(groupId, ct)).Select(NoticeView.From).ToList()))
            .WithName("listNotices").WithSummary("List a group's notices");

        groups.MapPost("/{groupId:guid}/bodies/{bodyId}/rename", async (Guid groupId, string bodyId, RenameBodyRequest request, ClaimsPrincipal user,
            GroupService service, CancellationToken ct) =>
        {
            await AuthorizeAsync(user, groupId, service, ct);
            return TypedResults.Ok(GroupView.From(await service.RenameBodyAsync(groupId, bodyId, request.ToCommand(), ct), service.Today));
        })
            .WithName("renameBody").WithSummary("Rename a member body");

        groups.MapPost("/{groupId:guid}/bodies/{bodyId}/representative", async (Guid groupId, string bodyId, RepresentativeRequest request,
            ClaimsPrincipal user, GroupService service, CancellationToken ct) =>
        {
            await AuthorizeAsync(user, groupId, service, ct);
            return TypedResults.Ok(GroupView.From(await service.ChangeRepresentativeAsync(groupId, bodyId, request.ToCommand(), ct), service.Today));
        })
            .WithName("changeRepresentative").WithSummary("Change a body's representative");

        groups.MapAmendmentsApi().MapMeetingsApi().MapWorkPlansApi();
        return app;
    }

    /// <summary>Only a coordinator of the group's country or an admin changes it (checked before the input, like processes).</summary>
    public static async Task<Group> AuthorizeAsync(ClaimsPrincipal user, Guid groupId, GroupService service, CancellationToken ct)
    {
        var group = await service.GetAsync(groupId, ct);
        if (!user.CanCoordinate(group.Country))
            throw new AccessDeniedException($"Only a coordinator for {group.Country} or an admin may change this group.");
        return group;
    }
}
