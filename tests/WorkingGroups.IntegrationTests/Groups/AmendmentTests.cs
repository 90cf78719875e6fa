using System.Net;
using System.Net.Http.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;
using static WorkingGroups.IntegrationTests.Groups.GroupYearApi;

namespace WorkingGroups.IntegrationTests.Groups;

/// <summary>
/// A change of composition is a process on workflows/kz-amendment.v1.json, on the same engine as an establishment:
/// invitations, answers, approval; once approved, the group's composition changes on the approval date.
/// </summary>
public sealed class AmendmentTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public AmendmentTests(AppFactory factory) => _factory = factory;

    [Fact]
    public async Task An_approved_amendment_adds_the_bodies_that_accepted_and_withdraws_the_named_one_on_the_approval_date()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        await (await client.TryRename(group, "isc-mes", "Industrial Safety Committee of the Ministry of Industry",
            "Комитет промышленной безопасности Министерства промышленности", "2026-03-01")).Json(HttpStatusCode.OK);

        var started = await (await client.PostAsJsonAsync(Url(group, "amendments"),
            new { definitionId = "kz-amendment", startedOn = "2026-02-02", withdraw = new[] { "dmc-mfa" } })).Json(HttpStatusCode.Created);
        var process = started.GetProperty("process");
        Assert.Equal(["proposal"], process.ActiveSteps());

        process = await client.Complete(process, "proposal", "2026-02-10", "ISC-02/118");
        Assert.Equal(5, process.Step("invitations").GetProperty("invitations").GetArrayLength());
        process = await client.Accept(process, "invitations", "sanepid-moh", "2026-02-24");
        process = await client.Accept(process, "invitations", "kazhydromet", "2026-03-02");
        process = await client.Accept(process, "invitations", "eco-ngo", "2026-03-03");
        process = await (await client.TryAnswer(process, "invitations", "miid", new { response = "declined", respondedOn = "2026-03-04", reason = "Not our mandate" }))
            .Json(HttpStatusCode.OK);
        process = await client.Complete(process, "invitations", "2026-03-16"); // the institute never answered
        Assert.Equal(["approve-amendment"], process.ActiveSteps());
        process = await client.Complete(process, "approve-amendment", "2026-04-15", "Order 97");
        Assert.Equal("established", process.Status());

        // The day before the order: the old composition, already with the new name.
        var before = await client.Composition(group, "2026-04-14");
        Assert.Contains("dmc-mfa", before.BodyIds());
        Assert.DoesNotContain("sanepid-moh", before.BodyIds());
        Assert.Equal("Industrial Safety Committee of the Ministry of Industry", before.Member("isc-mes").NameIn("en"));

        var after = await client.Composition(group, "2026-04-15");
        Assert.DoesNotContain("dmc-mfa", after.BodyIds());
        Assert.DoesNotContain("miid", after.BodyIds());
        Assert.DoesNotContain("water-institute", after.BodyIds());
        Assert.Equal("Representative of sanepid-moh", after.Member("sanepid-moh").GetProperty("representative").GetProperty("name").GetString());
        Assert.Equal("2026-04-15", after.Member("kazhydromet").Date("memberSince"));
        Assert.Equal(["observer"], after.Member("eco-ngo").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(10, after.BodyIds().Length); // 8 founders - MFA + 3 new

        // Before the rename and the amendment, a past date shows the founding composition under the old name.
        var january = await client.Composition(group, "2026-01-15");
        Assert.Equal(8, january.BodyIds().Length);
        Assert.Equal("Industrial Safety Committee of the MES", january.Member("isc-mes").NameIn("en"));

        // It is an ordinary process: on the dashboard and with its reminders, like an establishment.
        var amendments = await (await client.GetAsync(Url(group, "amendments"))).Json(HttpStatusCode.OK);
        Assert.Equal("established", Assert.Single(amendments.EnumerateArray()).GetProperty("process").Status());
        var portfolio = await client.GetStringAsync("/api/v1/dashboards/portfolio?country=KZ");
        Assert.Contains(ProcessApi.Id(process), portfolio);
        await (await client.GetAsync($"/api/v1/processes/{ProcessApi.Id(process)}/reminders")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_amendment_runs_on_a_membership_change_definition_of_the_groups_country_and_withdraws_only_members()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        Task<string> Refused(object body) => client.PostAsJsonAsync(Url(group, "amendments"), body).RefusedFields();

        Assert.Equal("definitionId", await Refused(new { definitionId = "kz-establishment", startedOn = "2026-02-02" }));
        Assert.Equal("definitionId", await Refused(new { definitionId = "tj-establishment", startedOn = "2026-02-02" }));
        Assert.Equal("withdraw[0]", await Refused(new { definitionId = "kz-amendment", startedOn = "2026-02-02", withdraw = new[] { "wic" } }));
        Assert.Equal("startedOn", await Refused(new { definitionId = "kz-amendment", startedOn = "2025-11-02" }));
        Assert.Empty((await (await client.GetAsync(Url(group, "amendments"))).Json(HttpStatusCode.OK)).EnumerateArray());
    }
}
