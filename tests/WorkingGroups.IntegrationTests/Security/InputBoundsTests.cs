using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Groups;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;
using static WorkingGroups.IntegrationTests.Groups.GroupYearApi;

namespace WorkingGroups.IntegrationTests.Security;

/// <summary>
/// Issue 29, findings 1, 3 and 5: a date at either end of the calendar, a null inside a list, a line break where a
/// line is printed. Each is a 400 naming the field, and the database is as it was before.
/// </summary>
public sealed class InputBoundsTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public InputBoundsTests(AppFactory factory) => _factory = factory;

    [Theory]
    [InlineData("Etc/GMT+12")]
    [InlineData("Asia/Almaty")]
    public async Task A_meeting_in_the_year_9999_is_refused_and_the_group_keeps_working(string zone)
    {
        var scene = await Scene.Build(_factory);
        var before = await DatabaseFingerprint.Of(_factory);

        var response = await scene.Client.PostAsync(Url(scene.Group, "meetings"), Json(
            $$"""{"kind":"interim","date":"9999-12-31","startsAt":"23:30","durationMinutes":1440,"timeZone":"{{zone}}","place":"Astana"}"""));

        await AssertProblem(response, 400, "date");
        Assert.Equal(before, await DatabaseFingerprint.Of(_factory));
        await (await scene.Client.GetAsync(Url(scene.Group, "meetings"))).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Too_many_agenda_items_are_counted_as_items_not_characters()
    {
        var scene = await Scene.Build(_factory);
        var agenda = string.Join(",", Enumerable.Range(1, 5000).Select(i => $"\"Item {i}\""));
        var response = await scene.Client.PostAsync(Url(scene.Group, "meetings"), Json(
            $$"""{"kind":"interim","date":"2026-04-01","startsAt":"10:00","place":"Astana","agenda":[{{agenda}}]}"""));

        var problem = await AssertProblem(response, 400, "agenda");
        Assert.Contains("5000 entries; at most 50", problem.GetProperty("detail").GetString());
    }

    public static TheoryData<string, string, string, string> NullElements => new()
    {
        { "evidence on a completion", "POST", "process:steps/draft-order/complete", """{"completedOn":"2025-09-20","evidence":[null]}""" },
        { "evidence on a correction", "PATCH", "process:steps/start-procedure", """{"evidence":[{"title":"Order"},null]}""" },
        { "attendees of a meeting", "POST", "meeting:record", """{"attendees":[null]}""" },
        { "item reviews of a meeting", "POST", "meeting:record", """{"itemReviews":[null]}""" },
        { "decisions of a meeting", "POST", "meeting:record", """{"decisions":[null]}""" },
        { "agenda of a meeting", "POST", "group:meetings", """{"kind":"interim","date":"2026-04-01","startsAt":"10:00","place":"Astana","agenda":[null]}""" },
        { "evidence of a Work Plan item", "PATCH", "item:", """{"evidence":[null]}""" },
        { "co-implementers of a Work Plan item", "POST", "plan:items", """{"title":"T","responsibleBodyId":"iwac","deadline":"2026-09-01","coImplementers":[null]}""" },
    };

    [Theory]
    [MemberData(nameof(NullElements))]
    public async Task A_null_inside_a_list_is_refused_naming_its_place(string what, string method, string target, string body)
    {
        var scene = await Scene.Build(_factory);
        var before = await DatabaseFingerprint.Of(_factory);

        var response = await scene.Send(method, target, body);

        var field = target.StartsWith("process", StringComparison.Ordinal) || target.StartsWith("item", StringComparison.Ordinal) ? "evidence"
            : body.Contains("attendees") ? "attendees" : body.Contains("itemReviews") ? "itemReviews" : body.Contains("decisions") ? "decisions"
            : body.Contains("agenda") ? "agenda" : "coImplementers";
        var index = body.Contains("},null") ? 1 : 0;
        await AssertProblem(response, 400, $"{field}[{index}]", what);
        Assert.Equal(before, await DatabaseFingerprint.Of(_factory));
    }

    public static TheoryData<string, string, string, string, string> UnboundedDates => new()
    {
        { "an item done on 0001-01-01", "PATCH", "item:", """{"status":"done","doneOn":"0001-01-01"}""", "doneOn" },
        { "evidence of an item dated 0001-01-01", "PATCH", "item:", """{"evidence":[{"title":"Report","date":"0001-01-01"}]}""", "evidence[0].date" },
        { "evidence of a completion dated 0001-01-01", "POST", "process:steps/draft-order/complete", """{"completedOn":"2025-09-20","evidence":[{"title":"Order","date":"0001-01-01"}]}""", "evidence[0].date" },
        { "minutes dated 1899-12-31", "POST", "meeting:minutes", """{"status":"draft","document":{"title":"Minutes","date":"1899-12-31"}}""", "document.date" },
        { "a new item's deadline in 9999", "POST", "plan:items", """{"title":"T","responsibleBodyId":"iwac","deadline":"9999-12-31"}""", "deadline" },
        { "an item's deadline moved to 9999", "PATCH", "item:", """{"deadline":"9999-12-31"}""", "deadline" },
        { "a meeting in 2100", "POST", "group:meetings", """{"kind":"interim","date":"2100-01-01","startsAt":"10:00","place":"Astana"}""", "date" },
    };

    [Theory]
    [MemberData(nameof(UnboundedDates))]
    public async Task A_date_outside_its_range_is_refused_with_the_range(string what, string method, string target, string body, string field)
    {
        var scene = await Scene.Build(_factory);
        var before = await DatabaseFingerprint.Of(_factory);

        var response = await scene.Send(method, target, body);

        var problem = await AssertProblem(response, 400, field, what);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{what}: the errors do not name {field}");
        Assert.Equal(before, await DatabaseFingerprint.Of(_factory));
    }

    public static TheoryData<string, string, string, string, string> BrokenLines => new()
    {
        { "a line break in the place", "POST", "group:meetings", """{"kind":"interim","date":"2026-04-01","startsAt":"10:00","place":"Astana\nBcc: all"}""", "place" },
        { "a line break in an agenda item", "POST", "group:meetings", """{"kind":"interim","date":"2026-04-01","startsAt":"10:00","place":"Astana","agenda":["One\r\nTwo"]}""", "agenda[0]" },
        { "a tab in an evidence number", "POST", "process:steps/draft-order/complete", """{"completedOn":"2025-09-20","evidence":[{"title":"Order","number":"12\t13"}]}""", "evidence[0].number" },
    };

    [Theory]
    [MemberData(nameof(BrokenLines))]
    public async Task A_control_character_in_a_line_is_refused(string what, string method, string target, string body, string field)
    {
        var scene = await Scene.Build(_factory);
        var before = await DatabaseFingerprint.Of(_factory);
        var problem = await AssertProblem(await scene.Send(method, target, body), 400, field, what);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{what}: the errors do not name {field}");
        Assert.Equal(before, await DatabaseFingerprint.Of(_factory));
    }

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    internal static async Task<JsonElement> AssertProblem(HttpResponseMessage response, int status, string mentions, string what = "")
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{what}: expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(text.Contains(mentions, StringComparison.Ordinal), $"{what}: the problem does not mention '{mentions}': {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}

/// <summary>
/// A Kazakh process with its first step done, and a Kazakh group with a held meeting, a draft 2026 Work Plan and an item:
/// something for every write to act on. Targets are "kind:rest", e.g. "meeting:record" or "process:steps/x/complete".
/// </summary>
internal sealed record Scene(HttpClient Client, JsonElement Process, JsonElement Group, string Meeting, string Plan, string Item)
{
    public static async Task<Scene> Build(AppFactory factory)
    {
        var client = await factory.ClientFor("Coordinator", "KZ");
        var process = await client.Complete(await client.Start("kz-establishment", "2025-09-01"), "start-procedure", "2025-09-08");
        var group = await client.EstablishKazakhstan();
        var meeting = ProcessApi.Id(await client.Schedule(group, "annual", "2026-02-10"));
        var plan = await client.AddItem(group, await client.CreatePlan(group, 2026), "Scene item", "iwac", "2026-09-01");
        return new Scene(client, process, group, meeting, ProcessApi.Id(plan), ProcessApi.Id(plan.GetProperty("items")[0]));
    }

    public string Path(string target)
    {
        var (kind, rest) = (target[..target.IndexOf(':')], target[(target.IndexOf(':') + 1)..]);
        return kind switch
        {
            "process" => $"/api/v1/processes/{ProcessApi.Id(Process)}/{rest}",
            "group" => Url(Group, rest),
            "meeting" => Url(Group, $"meetings/{Meeting}/{rest}".TrimEnd('/')),
            "plan" => Url(Group, $"workplans/{Plan}/{rest}".TrimEnd('/')),
            "item" => Url(Group, $"workplans/{Plan}/items/{Item}/{rest}".TrimEnd('/')),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
        };
    }

    public Task<HttpResponseMessage> Send(string method, string target, string body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Path(target));
        if (method != "DELETE") request.Content = InputBoundsTests.Json(body);
        return Client.SendAsync(request);
    }
}
