using System.Net;
using System.Net.Http.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Groups;

/// <summary>The group an establishment founds, and its composition on past dates after renames and new representatives.</summary>
public sealed class GroupCompositionTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public GroupCompositionTests(AppFactory factory) => _factory = factory;

    [Fact]
    public async Task An_established_process_founds_its_group_with_the_bodies_that_accepted_and_their_nominees()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();

        Assert.Equal("KZ", group.GetProperty("country").GetString());
        Assert.Equal("2025-12-29", group.Date("establishedOn"));
        var today = group.GetProperty("composition");
        Assert.Equal(["isc-mes", "cerc-menr", "dles-mes", "epd-mes", "wmp-menr", "cwr-menr", "dmc-mfa", "iwac"], today.BodyIds());
        Assert.Equal(["chair", "secretary", "member"], today.Member("isc-mes").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Representative of iwac", today.Member("iwac").GetProperty("representative").GetProperty("name").GetString());
        Assert.Equal("Международный центр оценки вод", today.Member("iwac").NameIn("ru"));

        // Before the approval date there was no group yet.
        Assert.Empty((await client.Composition(group, "2025-12-28")).BodyIds());
    }

    [Fact]
    public async Task A_renamed_body_keeps_its_history_and_a_past_date_shows_the_old_name_and_representative()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();

        await (await client.TryRename(group, "isc-mes", "Industrial Safety Committee of the Ministry of Industry",
            "Комитет промышленной безопасности Министерства промышленности", "2026-03-01")).Json(HttpStatusCode.OK);
        await (await client.TryChangeRepresentative(group, "cwr-menr", "Dana Example", "2026-04-01")).Json(HttpStatusCode.OK);

        var february = await client.Composition(group, "2026-02-28");
        Assert.Equal("Industrial Safety Committee of the MES", february.Member("isc-mes").NameIn("en"));
        Assert.Equal("Representative of cwr-menr", february.Member("cwr-menr").GetProperty("representative").GetProperty("name").GetString());

        var april = await client.Composition(group, "2026-04-01");
        Assert.Equal("Комитет промышленной безопасности Министерства промышленности", april.Member("isc-mes").NameIn("ru"));
        Assert.Equal("2025-12-29", april.Member("isc-mes").Date("memberSince"));
        Assert.Equal("Dana Example", april.Member("cwr-menr").GetProperty("representative").GetProperty("name").GetString());

        var history = (await client.Group(ProcessApi.Id(group))).GetProperty("history");
        var names = history.GetProperty("names").EnumerateArray().Where(n => n.GetProperty("bodyId").GetString() == "isc-mes").ToList();
        Assert.Equal(2, names.Count);
        Assert.Equal("2026-03-01", names[0].Date("until"));
    }

    [Fact]
    public async Task Changes_that_break_a_rule_are_refused_with_problem_details_naming_the_field()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();

        var future = await (await client.TryRename(group, "iwac", "x", "x", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"))).Json(HttpStatusCode.BadRequest);
        Assert.Contains("effectiveOn", future.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var early = await (await client.TryChangeRepresentative(group, "iwac", "A", "2025-12-01")).Json(HttpStatusCode.BadRequest);
        Assert.Contains("before the group was established (2025-12-29)", early.GetProperty("detail").GetString());
        var noRussian = await (await client.PostAsJsonAsync($"/api/v1/groups/{ProcessApi.Id(group)}/bodies/iwac/rename",
            new { name = new { en = "IWAC" }, effectiveOn = "2026-01-10" })).Json(HttpStatusCode.BadRequest);
        Assert.Contains("name.ru", noRussian.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var unknown = await (await client.TryRename(group, "nobody", "x", "x", "2026-01-10")).Json(HttpStatusCode.NotFound);
        Assert.Contains("\"nobody\" is not part of the group", unknown.GetProperty("detail").GetString());
        await (await client.GetAsync($"/api/v1/groups/{Guid.NewGuid()}")).Json(HttpStatusCode.NotFound);

        var tajik = await _factory.ClientFor("Coordinator", "TJ");
        var refused = await (await tajik.TryRename(group, "iwac", "x", "x", "2026-01-10")).Json(HttpStatusCode.Forbidden);
        Assert.Contains("coordinator for KZ", refused.GetProperty("detail").GetString());
    }
}
