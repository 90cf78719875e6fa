using System.Security.Claims;
using WorkingGroups.Infrastructure.Groups;
using WorkingGroups.Web.Auth;

namespace WorkingGroups.Web.Groups;

internal static class MeetingsApi
{
    /// <summary>A group's meetings under /api/v1/groups/{groupId}/meetings; same access rules as the group.</summary>
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder groups)
    {
        groups.MapGet("/{groupId:guid}/meetings", async (Guid groupId, MeetingService meetings, GroupService service, CancellationToken ct) =>
            TypedResults.Ok((await meetings.ListAsync(groupId, ct)).Select(m => MeetingView.From(m, service.Today)).ToList()))
            .WithName("listMeetings").WithSummary("List a group's meetings");

        groups.MapGet("/{groupId:guid}/meetings/{meetingId:guid}", async (Guid groupId, Guid meetingId, MeetingService meetings, GroupService service,
            CancellationToken ct) => TypedResults.Ok(MeetingView.From(await meetings.GetAsync(groupId, meetingId, ct), service.Today)))
            .WithName("getMeeting").WithSummary("Get a meeting");

        groups.MapPost("/{groupId:guid}/meetings", async (Guid groupId, ScheduleMeetingRequest request, ClaimsPrincipal user, MeetingService meetings,
            GroupService service, CancellationToken ct) =>
        {
            await GroupsApi.AuthorizeAsync(user, groupId, service, ct);
            var meeting = await meetings.ScheduleAsync(groupId, request.ToCommand(), ct);
            return TypedResults.Created($"/api/v1/groups/{groupId}/meetings/{meeting.Id}", MeetingView.From(meeting, service.Today));
        })
            .WithName("scheduleMeeting").WithSummary("Schedule a meeting");

        groups.MapPost("/{groupId:guid}/meetings/{meetingId:guid}/record", async (Guid groupId, Guid meetingId, RecordMeetingRequest request,
            ClaimsPrincipal user, MeetingService meetings, GroupService service, CancellationToken ct) =>
        {
            await GroupsApi.AuthorizeAsync(user, groupId, service, ct);
            return TypedResults.Ok(MeetingView.From(await meetings.RecordAsync(groupId, meetingId, request.ToCommand(), ct), service.Today));
        })
            .WithName("recordMeeting").WithSummary("Record a held meeting: attendance, decisions, item reviews");

        groups.MapPost("/{groupId:guid}/meetings/{meetingId:guid}/minutes", async (Guid groupId, Guid meetingId, MinutesRequest request,
            ClaimsPrincipal user, MeetingService meetings, GroupService service, CancellationToken ct) =>
        {
            await GroupsApi.AuthorizeAsync(user, groupId, service, ct);
            return TypedResults.Ok(MeetingView.From(await meetings.RecordMinutesAsync(groupId, meetingId, request.ToCommand(), ct), service.Today));
        })
            .WithName("recordMinutes").WithSummary("Record a meeting's minutes");

        // A meeting entered by mistake; 409 once the group's record rests on it (approved minutes, a plan adopted at it).
        groups.MapDelete("/{groupId:guid}/meetings/{meetingId:guid}", async (Guid groupId, Guid meetingId, ClaimsPrincipal user, MeetingService meetings,
            GroupService service, CancellationToken ct) =>
        {
            await GroupsApi.AuthorizeAsync(user, groupId, service, ct);
            await meetings.RemoveAsync(groupId, meetingId, user.Who(), ct);
            return TypedResults.NoContent();
        }).WithName("removeMeeting").WithSummary("Remove a meeting entered by mistake");

        return groups;
    }
}
