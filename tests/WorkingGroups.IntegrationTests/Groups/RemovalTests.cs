using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;
using static WorkingGroups.IntegrationTests.Groups.GroupYearApi;

namespace WorkingGroups.IntegrationTests.Groups;

/// <summary>
/// A meeting, a Work Plan item or a document entered by mistake can be taken out again, and the audit says so; what the
/// group's record rests on (approved minutes, an adopted plan, an item a meeting reviewed) stays, with a 409 saying why.
/// </summary>
public sealed class RemovalTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public RemovalTests(AppFactory factory) => _factory = factory;

    [Fact]
    public async Task A_meeting_entered_by_mistake_is_removed_and_the_removal_is_audited()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        var meeting = ProcessApi.Id(await client.Schedule(group, "interim", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd")));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(Url(group, $"meetings/{meeting}"))).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(group, $"meetings/{meeting}"))).StatusCode);
        Assert.Equal(0, (await (await client.GetAsync(Url(group, "meetings"))).Json(HttpStatusCode.OK)).GetArrayLength());
        var removal = (await Audit(client, group)).Single(a => a.GetProperty("action").GetString() == "meeting-removed");
        Assert.Contains(meeting, removal.GetProperty("before").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(Url(group, $"meetings/{meeting}"))).StatusCode);
    }

    [Fact]
    public async Task A_meeting_with_approved_minutes_or_an_adopted_plan_stays()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        var approved = ProcessApi.Id(await client.Schedule(group, "annual", "2026-02-10"));
        await (await client.PostAsJsonAsync(Url(group, $"meetings/{approved}/minutes"), new { status = "approved", approvedOn = "2026-02-20" })).Json(HttpStatusCode.OK);
        var adopting = ProcessApi.Id(await client.Schedule(group, "interim", "2026-03-10"));
        var plan = ProcessApi.Id(await client.CreatePlan(group, 2026));
        await (await client.PostAsJsonAsync(Url(group, $"workplans/{plan}/adopt"), new { meetingId = adopting })).Json(HttpStatusCode.OK);

        var minutes = await (await client.DeleteAsync(Url(group, $"meetings/{approved}"))).Json(HttpStatusCode.Conflict);
        Assert.Contains("approved on 2026-02-20", minutes.GetProperty("detail").GetString());
        var adoption = await (await client.DeleteAsync(Url(group, $"meetings/{adopting}"))).Json(HttpStatusCode.Conflict);
        Assert.Contains("Work Plan 2026", adoption.GetProperty("detail").GetString());
        Assert.Equal(2, (await (await client.GetAsync(Url(group, "meetings"))).Json(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task A_work_item_entered_by_mistake_is_removed_unless_a_meeting_reviewed_it()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        var plan = await client.CreatePlan(group, 2026);
        plan = await client.AddItem(group, plan, "Typo item", "iwac", "2026-09-01");
        plan = await client.AddItem(group, plan, "Reviewed item", "iwac", "2026-09-01");
        var typo = ProcessApi.Id(plan.ItemTitled("Typo item"));
        var reviewed = ProcessApi.Id(plan.ItemTitled("Reviewed item"));
        var meeting = ProcessApi.Id(await client.Schedule(group, "interim", "2026-03-10"));
        await (await client.PostAsJsonAsync(Url(group, $"meetings/{meeting}/record"),
            new { itemReviews = new[] { new { itemId = reviewed, status = "in-progress" } } })).Json(HttpStatusCode.OK);

        var left = await (await client.DeleteAsync(Url(group, $"workplans/{ProcessApi.Id(plan)}/items/{typo}"))).Json(HttpStatusCode.OK);
        Assert.Equal(["Reviewed item"], left.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        Assert.Contains(await Audit(client, group), a => a.GetProperty("action").GetString() == "work-item-removed"
                                                     && a.GetProperty("before").GetString()!.Contains("Typo item"));

        var refused = await (await client.DeleteAsync(Url(group, $"workplans/{ProcessApi.Id(plan)}/items/{reviewed}"))).Json(HttpStatusCode.Conflict);
        Assert.Contains("reviewed at the meeting of 2026-03-10", refused.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Evidence_entered_by_mistake_is_removed_by_correcting_with_the_list_without_it()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var process = await client.Complete(await client.Start("kz-establishment", "2025-09-01"), "start-procedure", "2025-09-08", "WRONG-1");
        Assert.Equal(1, process.Step("start-procedure").GetProperty("evidence").GetArrayLength());

        var corrected = await (await client.PatchAsJsonAsync($"/api/v1/processes/{ProcessApi.Id(process)}/steps/start-procedure",
            new { evidence = Array.Empty<object>() })).Json(HttpStatusCode.OK);

        Assert.Equal(0, corrected.Step("start-procedure").GetProperty("evidence").GetArrayLength());
        var audit = await (await client.GetAsync($"/api/v1/processes/{ProcessApi.Id(process)}/audit")).Json(HttpStatusCode.OK);
        var correction = audit.EnumerateArray().Last(a => a.GetProperty("action").GetString() == "step-corrected");
        Assert.Contains("WRONG-1", correction.GetProperty("before").GetString());
        Assert.DoesNotContain("WRONG-1", correction.GetProperty("after").GetString());
    }

    [Fact]
    public async Task A_meeting_stored_in_9999_before_dates_were_bounded_lists_again_and_can_be_removed()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        var broken = Guid.NewGuid();
        using (var scope = _factory.Services.CreateScope())
        {
            // Written as the unbounded code wrote it (issue 29, finding 1): the end of the calendar, twelve hours behind UTC.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(new Meeting
            {
                Id = broken, GroupId = Guid.Parse(ProcessApi.Id(group)), Kind = MeetingKind.Interim, Date = new DateOnly(9999, 12, 31),
                StartsAt = new TimeOnly(23, 30), DurationMinutes = 1440, TimeZone = "Etc/GMT+12", Place = "Astana",
                CreatedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
            });
            await db.SaveChangesAsync();
        }

        var listed = Assert.Single((await (await client.GetAsync(Url(group, "meetings"))).Json(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("startUtc").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(Url(group, $"meetings/{broken}"))).StatusCode);
        Assert.Equal(0, (await (await client.GetAsync(Url(group, "meetings"))).Json(HttpStatusCode.OK)).GetArrayLength());
    }

    /// <summary>The audit of the group's establishment process, where the group's removals are recorded.</summary>
    private static async Task<List<JsonElement>> Audit(HttpClient client, JsonElement group)
    {
        var founder = (await client.Group(ProcessApi.Id(group))).GetProperty("establishedBy").GetString();
        return (await (await client.GetAsync($"/api/v1/processes/{founder}/audit")).Json(HttpStatusCode.OK)).EnumerateArray().ToList();
    }
}
