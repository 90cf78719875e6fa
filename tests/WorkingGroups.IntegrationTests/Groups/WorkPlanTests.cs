using System.Net;
using System.Net.Http.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;
using static WorkingGroups.IntegrationTests.Groups.GroupYearApi;

namespace WorkingGroups.IntegrationTests.Groups;

/// <summary>A year's Work Plan: drafted, adopted at a meeting, reviewed at an interim meeting, its progress, and carry-over into next year.</summary>
public sealed class WorkPlanTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public WorkPlanTests(AppFactory factory) => _factory = factory;

    [Fact]
    public async Task A_plan_adopted_at_a_meeting_shows_its_progress_and_an_interim_meeting_records_each_items_status()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        var plan = await client.CreatePlan(group, 2026);
        Assert.Equal("draft", plan.Status());
        await client.AddItem(group, plan, "Inventory of tailings facilities", "isc-mes", "2026-03-31");
        await client.AddItem(group, plan, "Apply the TMF checklist at two sites", "cerc-menr", "2026-06-30");
        await client.AddItem(group, plan, "Early warning exercise", "dles-mes", "2026-10-31");
        plan = await client.AddItem(group, plan, "Translate the UNECE Safety Guidelines", "iwac", "2027-03-31");

        var annual = await client.Schedule(group, "annual", "2026-02-10");
        plan = await (await client.PostAsJsonAsync(Url(group, $"workplans/{ProcessApi.Id(plan)}/adopt"), new { meetingId = ProcessApi.Id(annual) }))
            .Json(HttpStatusCode.OK);
        Assert.Equal("adopted", plan.Status());
        Assert.Equal("2026-02-10", plan.Date("adoptedOn"));
        var fixedItems = await (await client.PostAsJsonAsync(Url(group, $"workplans/{ProcessApi.Id(plan)}/items"),
            new { title = "Late idea", responsibleBodyId = "iwac", deadline = "2026-12-01" })).Json(HttpStatusCode.Conflict);
        Assert.Contains("adopted on 2026-02-10", fixedItems.GetProperty("detail").GetString());

        // The interim meeting reviews the plan: the inventory is done, the checklist under way.
        var interim = await client.Schedule(group, "interim", "2026-05-20");
        await (await client.PostAsJsonAsync(Url(group, $"meetings/{ProcessApi.Id(interim)}/record"), new
        {
            attendees = new[] { new { bodyId = "isc-mes" } },
            itemReviews = new object[]
            {
                new { itemId = ProcessApi.Id(plan.ItemTitled("Inventory of tailings facilities")), status = "done", note = "Register of 38 facilities" },
                new { itemId = ProcessApi.Id(plan.ItemTitled("Apply the TMF checklist at two sites")), status = "in-progress" },
            },
        })).Json(HttpStatusCode.OK);

        var may = await (await client.GetAsync(Url(group, $"workplans/{ProcessApi.Id(plan)}?asOf=2026-05-20"))).Json(HttpStatusCode.OK);
        Assert.Equal("done", may.ItemTitled("Inventory of tailings facilities").Status());
        Assert.Equal("2026-05-20", may.ItemTitled("Inventory of tailings facilities").Date("doneOn"));
        var progress = may.GetProperty("progress");
        Assert.Equal(4, progress.GetProperty("items").GetInt32());
        Assert.Equal(0.25, progress.GetProperty("doneShare").GetDouble());
        Assert.Equal(0.25, progress.GetProperty("inProgressShare").GetDouble());
        Assert.Equal(0, progress.GetProperty("overdue").GetInt32());

        // In November the checklist (due in June) and the exercise (due in October) are overdue.
        var november = await (await client.GetAsync(Url(group, $"workplans/{ProcessApi.Id(plan)}?asOf=2026-11-15"))).Json(HttpStatusCode.OK);
        Assert.Equal(2, november.GetProperty("progress").GetProperty("overdue").GetInt32());
        Assert.Equal(0.5, november.GetProperty("progress").GetProperty("overdueShare").GetDouble());
        Assert.True(november.ItemTitled("Early warning exercise").GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task Next_years_plan_carries_over_the_unfinished_items_and_marks_them_so_in_the_old_plan()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        var plan2026 = await client.CreatePlan(group, 2026);
        await client.AddItem(group, plan2026, "Inventory of tailings facilities", "isc-mes", "2026-03-31");
        await client.AddItem(group, plan2026, "Apply the TMF checklist at two sites", "cerc-menr", "2026-06-30");
        plan2026 = await client.AddItem(group, plan2026, "Translate the UNECE Safety Guidelines", "iwac", "2027-03-31");
        var inventory = ProcessApi.Id(plan2026.ItemTitled("Inventory of tailings facilities"));
        await (await client.PatchAsJsonAsync(Url(group, $"workplans/{ProcessApi.Id(plan2026)}/items/{inventory}"), new
        {
            status = "done", doneOn = "2026-03-20", evidence = new[] { new { title = "Register of facilities", number = "ISC-REG-1", date = "2026-03-20" } },
        })).Json(HttpStatusCode.OK);

        var plan2027 = await client.CreatePlan(group, 2027);
        var carried = plan2027.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Apply the TMF checklist at two sites", "Translate the UNECE Safety Guidelines"], carried.Select(i => i.GetProperty("title").GetString()));
        Assert.Equal("2027-12-31", carried[0].Date("deadline")); // last year's passed deadline moves to the new year's end
        Assert.Equal("2027-03-31", carried[1].Date("deadline")); // a deadline in the new year stays
        Assert.Equal("cerc-menr", carried[0].GetProperty("responsibleBodyId").GetString());
        Assert.Equal(ProcessApi.Id(plan2026.ItemTitled("Apply the TMF checklist at two sites")), carried[0].GetProperty("carriedFrom").GetString());

        var old = await (await client.GetAsync(Url(group, $"workplans/{ProcessApi.Id(plan2026)}"))).Json(HttpStatusCode.OK);
        Assert.Equal(["done", "carried-over", "carried-over"], old.GetProperty("items").EnumerateArray().Select(i => i.Status()));
        Assert.Equal(2, old.GetProperty("progress").GetProperty("carriedOver").GetInt32());
        await (await client.PatchAsJsonAsync(Url(group, $"workplans/{ProcessApi.Id(plan2026)}/items/{ProcessApi.Id(carried[0])}"),
            new { status = "done", doneOn = "2026-11-01" })).Json(HttpStatusCode.NotFound); // the new item belongs to 2027's plan
        await (await client.PatchAsJsonAsync(Url(group, $"workplans/{ProcessApi.Id(plan2026)}/items/{carried[0].GetProperty("carriedFrom").GetString()}"),
            new { status = "done", doneOn = "2026-11-01" })).Json(HttpStatusCode.Conflict); // the old one moved on

        await (await client.PostAsJsonAsync(Url(group, "workplans"), new { year = 2027 })).Json(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Items_name_a_member_as_responsible_and_a_deadline_in_the_plans_year()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        var plan = await client.CreatePlan(group, 2026);
        Task<string> Refused(object body) => client.PostAsJsonAsync(Url(group, $"workplans/{ProcessApi.Id(plan)}/items"), body).RefusedFields();

        Assert.Equal("responsibleBodyId", await Refused(new { title = "x", responsibleBodyId = "wic", deadline = "2026-05-01" }));
        Assert.Equal("deadline", await Refused(new { title = "x", responsibleBodyId = "iwac", deadline = "2025-05-01" }));
        Assert.Equal("title", await Refused(new { title = " ", responsibleBodyId = "iwac", deadline = "2026-05-01" }));
        Assert.Equal("year", await client.PostAsJsonAsync(Url(group, "workplans"), new { year = 2019 }).RefusedFields());
    }
}
