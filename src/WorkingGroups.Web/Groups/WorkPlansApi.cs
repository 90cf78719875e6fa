using System.Security.Claims;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Groups;
using WorkingGroups.Web.Auth;
using WorkingGroups.Web.Processes;

namespace WorkingGroups.Web.Groups;

internal static class WorkPlansApi
{
    /// <summary>A group's Work Plans under /api/v1/groups/{groupId}/workplans; same access rules as the group.</summary>
    public static RouteGroupBuilder MapWorkPlansApi(this RouteGroupBuilder groups)
    {
        groups.MapGet("/{groupId:guid}/workplans", async (Guid groupId, WorkPlanService plans, CancellationToken ct) =>
            TypedResults.Ok((await plans.ListAsync(groupId, ct)).Select(p => WorkPlanView.From(p, plans.Today)).ToList()))
            .WithName("listWorkPlans").WithSummary("List a group's Work Plans");

        groups.MapGet("/{groupId:guid}/workplans/{planId:guid}", async (Guid groupId, Guid planId, DateOnly? asOf, WorkPlanService plans,
            CancellationToken ct) => TypedResults.Ok(WorkPlanView.From(await plans.GetAsync(groupId, planId, ct), asOf ?? plans.Today)))
            .WithName("getWorkPlan").WithSummary("Get a Work Plan with its progress on a date");

        groups.MapPost("/{groupId:guid}/workplans", async (Guid groupId, CreatePlanRequest request, ClaimsPrincipal user, WorkPlanService plans,
            GroupService service, CancellationToken ct) =>
        {
            await GroupsApi.AuthorizeAsync(user, groupId, service, ct);
            var plan = await plans.CreateAsync(groupId, RequestMapping.Required(request.Year, "year"), ct);
            return TypedResults.Created($"/api/v1/groups/{groupId}/workplans/{plan.Id}", WorkPlanView.From(plan, plans.Today));
        })
            .WithName("createWorkPlan").WithSummary("Create a year's Work Plan");

        groups.MapPost("/{groupId:guid}/workplans/{planId:guid}/items", async (Guid groupId, Guid planId, AddItemRequest request,
            ClaimsPrincipal user, WorkPlanService plans, GroupService service, CancellationToken ct) =>
        {
            await GroupsApi.AuthorizeAsync(user, groupId, service, ct);
            return TypedResults.Ok(WorkPlanView.From(await plans.AddItemAsync(groupId, planId, request.ToCommand(), ct), plans.Today));
        })
            .WithName("addWorkPlanItem").WithSummary("Add an item to a Work Plan");

        groups.MapPatch("/{groupId:guid}/workplans/{planId:guid}/items/{itemId:guid}", async (Guid groupId, Guid planId, Guid itemId,
            UpdateItemRequest request, ClaimsPrincipal user, WorkPlanService plans, GroupService service, CancellationToken ct) =>
        {
            await GroupsApi.AuthorizeAsync(user, groupId, service, ct);
            return TypedResults.Ok(WorkPlanView.From(await plans.UpdateItemAsync(groupId, planId, itemId, request.ToCommand(), ct), plans.Today));
        })
            .WithName("updateWorkPlanItem").WithSummary("Update a Work Plan item");

        // An item entered by mistake, while the plan is a draft; answers the plan as it is left.
        groups.MapDelete("/{groupId:guid}/workplans/{planId:guid}/items/{itemId:guid}", async (Guid groupId, Guid planId, Guid itemId,
            ClaimsPrincipal user, WorkPlanService plans, GroupService service, CancellationToken ct) =>
        {
            await GroupsApi.AuthorizeAsync(user, groupId, service, ct);
            return TypedResults.Ok(WorkPlanView.From(await plans.RemoveItemAsync(groupId, planId, itemId, user.Who(), ct), plans.Today));
        }).WithName("removeWorkPlanItem").WithSummary("Remove a Work Plan item entered by mistake");

        groups.MapPost("/{groupId:guid}/workplans/{planId:guid}/adopt", async (Guid groupId, Guid planId, AdoptRequest request,
            ClaimsPrincipal user, WorkPlanService plans, GroupService service, CancellationToken ct) =>
        {
            await GroupsApi.AuthorizeAsync(user, groupId, service, ct);
            var meetingId = request.MeetingId ?? throw DomainRuleException.Invalid("meetingId", "required", "meetingId");
            return TypedResults.Ok(WorkPlanView.From(await plans.AdoptAsync(groupId, planId, meetingId, ct), plans.Today));
        })
            .WithName("adoptWorkPlan").WithSummary("Adopt a Work Plan at a meeting");

        return groups;
    }
}
