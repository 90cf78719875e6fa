using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Groups;

/// <summary>Small verbs over the groups API, so tests read like a coordinator's year.</summary>
internal static class GroupApi
{
    /// <summary>Kazakhstan's establishment walked through the API (WIC declines); returns the group it founded.</summary>
    public static async Task<JsonElement> EstablishKazakhstan(this HttpClient client, string startedOn = "2025-09-01")
    {
        var start = DateOnly.ParseExact(startedOn, "yyyy-MM-dd");
        string Day(int offset) => start.AddDays(offset).ToString("yyyy-MM-dd");
        var process = await client.Start("kz-establishment", startedOn, "Kazakhstan WG");
        process = await client.Complete(process, "start-procedure", Day(7));
        process = await client.Complete(process, "draft-order", Day(28), "ISC-17/2025");
        process = await client.Complete(process, "letter-to-minister", Day(42), "ISC-24-12/1183");
        foreach (var body in new[] { "dles-mes", "epd-mes", "cerc-menr", "wmp-menr", "cwr-menr", "dmc-mfa", "iwac" })
            process = await client.Accept(process, "invitations", body, Day(50));
        process = await (await client.TryAnswer(process, "invitations", "wic", new { response = "declined", respondedOn = Day(51), reason = "No capacity" }))
            .Json(HttpStatusCode.OK);
        process = await client.Complete(process, "approve-composition", Day(119), "Order 412");
        Assert.Equal("established", process.Status());
        return await client.GroupFoundedBy(ProcessApi.Id(process));
    }

    public static async Task<JsonElement> GroupFoundedBy(this HttpClient client, string processId)
    {
        var groups = await (await client.GetAsync("/api/v1/groups?country=KZ")).Json(HttpStatusCode.OK);
        var summary = groups.EnumerateArray().Single(g => g.GetProperty("establishedBy").GetString() == processId);
        return await client.Group(summary.GetProperty("id").GetString()!);
    }

    public static async Task<JsonElement> Group(this HttpClient client, string groupId) =>
        await (await client.GetAsync($"/api/v1/groups/{groupId}")).Json(HttpStatusCode.OK);

    public static async Task<JsonElement> Composition(this HttpClient client, JsonElement group, string asOf) =>
        await (await client.GetAsync($"/api/v1/groups/{ProcessApi.Id(group)}/composition?asOf={asOf}")).Json(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryRename(this HttpClient client, JsonElement group, string bodyId, string en, string ru, string effectiveOn) =>
        client.PostAsJsonAsync($"/api/v1/groups/{ProcessApi.Id(group)}/bodies/{bodyId}/rename", new { name = new { en, ru }, effectiveOn });

    public static Task<HttpResponseMessage> TryChangeRepresentative(this HttpClient client, JsonElement group, string bodyId, string name, string effectiveOn) =>
        client.PostAsJsonAsync($"/api/v1/groups/{ProcessApi.Id(group)}/bodies/{bodyId}/representative",
            new { name, position = "Deputy chairman", email = "new.rep@example.org", effectiveOn });

    public static JsonElement Member(this JsonElement composition, string bodyId) =>
        composition.GetProperty("bodies").EnumerateArray().Single(b => b.GetProperty("bodyId").GetString() == bodyId);

    public static string[] BodyIds(this JsonElement composition) =>
        composition.GetProperty("bodies").EnumerateArray().Select(b => b.GetProperty("bodyId").GetString()!).ToArray();

    public static string NameIn(this JsonElement member, string language) => member.GetProperty("name").GetProperty(language).GetString()!;
}

/// <summary>Verbs over meetings and Work Plans.</summary>
internal static class GroupYearApi
{
    public static string Url(JsonElement group, string rest) => $"/api/v1/groups/{ProcessApi.Id(group)}/{rest}";

    public static async Task<JsonElement> Schedule(this HttpClient client, JsonElement group, string kind, string date, string? onlineLink = null) =>
        await (await client.PostAsJsonAsync(Url(group, "meetings"), new
        {
            kind, date, startsAt = "10:00", place = "Astana, MES, room 301", onlineLink,
            agenda = new[] { "Review of the Work Plan", "Tailings safety checklist" },
        })).Json(HttpStatusCode.Created);

    public static async Task<JsonElement> CreatePlan(this HttpClient client, JsonElement group, int year) =>
        await (await client.PostAsJsonAsync(Url(group, "workplans"), new { year })).Json(HttpStatusCode.Created);

    public static async Task<JsonElement> AddItem(this HttpClient client, JsonElement group, JsonElement plan, string title, string responsible, string deadline) =>
        await (await client.PostAsJsonAsync(Url(group, $"workplans/{ProcessApi.Id(plan)}/items"),
            new { title, responsibleBodyId = responsible, coImplementers = new[] { "iwac", "UNECE" }, deadline })).Json(HttpStatusCode.OK);

    /// <summary>The fields a 400 problem names, comma-separated.</summary>
    public static async Task<string> RefusedFields(this Task<HttpResponseMessage> request) =>
        string.Join(",", (await (await request).Json(HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name));

    public static JsonElement ItemTitled(this JsonElement plan, string title) =>
        plan.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == title);
}
