using System.Security.Claims;
using WorkingGroups.Core.Attention;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Attention;
using WorkingGroups.Web.Auth;
using WorkingGroups.Web.Hosting;

namespace WorkingGroups.Web.Attention;

internal static class AttentionApi
{
    /// <summary>The home page's list as JSON, in the same scope and order (a coordinator's own country; others <c>?country=</c> or all).</summary>
    public static WebApplication MapAttentionApi(this WebApplication app)
    {
        app.MapGroup("/api/v1/attention").WithTags("Attention").RequireAuthorization().WithProblems()
            .MapGet("/", async (string? country, ClaimsPrincipal user, AttentionService attention, CancellationToken ct) =>
            {
                var scope = user.AttentionCountry(country);
                return TypedResults.Ok(AttentionView.From(await attention.ForAsync(scope, ct), scope));
            })
                .WithName("getAttention").WithSummary("What needs attention today");
        return app;
    }
}

internal sealed record AttentionView(DateOnly AsOf, string? Country, List<LateStepView> Steps, List<SilentBodyView> Bodies, List<GroupConcernView> Groups)
{
    public static AttentionView From(AttentionList list, string? country) => new(
        list.AsOf,
        country,
        list.Steps.Select(s => new LateStepView(s.Process.Id, s.Process.Title, s.Process.Country, s.Step.StepId,
            s.Definition.FindStep(s.Step.StepId)?.Title.Values, s.Step.ActivatedOn, s.ElapsedDays, s.Step.BenchmarkDays, s.State)).ToList(),
        list.Bodies.Select(b => new SilentBodyView(b.Process.Id, b.Process.Title, b.Process.Country, b.Step.StepId, b.Invitation.BodyId,
            b.Definition.FindBody(b.Invitation.BodyId)?.Name.Values, b.Invitation.SentOn, b.DaysWaiting, b.Reminders.Count, b.Reminders.LastOn)).ToList(),
        list.Groups.Select(c => new GroupConcernView(c.Group.Id, c.Group.Title, c.Group.Country, c.Kind, c.Date, c.Meeting?.Id, c.Plan?.Year,
            c.Item?.Id, c.Item?.Number, c.Item?.Title)).ToList());
}

internal sealed record LateStepView(Guid ProcessId, string Process, string Country, string StepId, IReadOnlyDictionary<string, string>? Step,
    DateOnly? ActivatedOn, int ElapsedDays, int BenchmarkDays, BenchmarkState State);

/// <param name="Reminders">Reminders about this invitation so far, sent by the app or recorded by a coordinator.</param>
internal sealed record SilentBodyView(Guid ProcessId, string Process, string Country, string StepId, string BodyId, IReadOnlyDictionary<string, string>? Body,
    DateOnly InvitedOn, int DaysWaiting, int Reminders, DateOnly? LastReminderOn);

/// <param name="Date">The day it is about: since when the annual meeting is due, the meeting's date, or the item's deadline.</param>
internal sealed record GroupConcernView(Guid GroupId, string Group, string Country, GroupConcernKind Kind, DateOnly Date, Guid? MeetingId, int? WorkPlanYear,
    Guid? ItemId, int? ItemNumber, string? Item);
