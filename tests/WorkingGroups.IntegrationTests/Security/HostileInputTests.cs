using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Security;

/// <summary>
/// Bodies a careless or hostile client may send to the process API: each is refused with an RFC 9457 problem that says
/// what is wrong, and the audit trail shows that nothing was recorded.
/// </summary>
public sealed class HostileInputTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public HostileInputTests(AppFactory factory) => _factory = factory;

    private static readonly string Long = new('x', 4001);

    public static TheoryData<string, string, int, string> CompleteBodies => new()
    {
        { "malformed JSON", """{"completedOn": "2025-09-05" """, 400, "not valid" },
        { "a number for a date", """{"completedOn": 20250905}""", 400, "completedOn" },
        { "a string for the evidence list", """{"completedOn": "2025-09-05", "evidence": "letter"}""", 400, "evidence" },
        { "an array for the body", """[{"completedOn": "2025-09-05"}]""", 400, "not valid" },
        { "an unknown field", """{"completedOn": "2025-09-05", "approvedBy": "me"}""", 400, "approvedBy" },
        { "an impossible date", """{"completedOn": "2025-02-30"}""", 400, "completedOn" },
        { "a date and time", """{"completedOn": "2025-09-05T10:00:00"}""", 400, "completedOn" },
        { "the first day of the calendar", """{"completedOn": "0001-01-01"}""", 400, "completedOn" },
        { "the last day of the calendar", """{"completedOn": "9999-12-31"}""", 400, "completedOn" },
        { "a date next year", $$"""{"completedOn": "{{DateTime.UtcNow.Year + 1}}-01-15"}""", 400, "future" },
        { "a note over 4000 characters", $$"""{"completedOn": "2025-09-05", "note": "{{Long}}"}""", 400, "note" },
        { "a NUL in the note", """{"completedOn": "2025-09-05", "note": "ok\u0000drop"}""", 400, "note" },
        { "an escape sequence in the note", """{"completedOn": "2025-09-05", "note": "\u001b[31mred"}""", 400, "note" },
        { "an evidence title over 300 characters", $$"""{"completedOn": "2025-09-05", "evidence": [{"title": "{{new string('t', 301)}}"}]}""", 400, "evidence[0].title" },
        { "evidence without a title", """{"completedOn": "2025-09-05", "evidence": [{"number": "12"}]}""", 400, "evidence[0].title" },
        { "evidence dated in the future", """{"completedOn": "2025-09-05", "evidence": [{"title": "Letter", "date": "9999-12-31"}]}""", 400, "evidence[0].date" },
        { "51 pieces of evidence", $$"""{"completedOn": "2025-09-05", "evidence": [{{string.Join(",", Enumerable.Repeat("""{"title":"t"}""", 51))}}]}""", 400, "50" },
        { "nesting 200 deep", $$"""{"completedOn": "2025-09-05", "note": {{new string('[', 200)}}{{new string(']', 200)}}}""", 400, "not valid" },
        { "a body over 256 KB", $$"""{"completedOn": "2025-09-05", "note": "{{new string('x', 300 * 1024)}}"}""", 413, "256 KB" },
    };

    [Theory]
    [MemberData(nameof(CompleteBodies))]
    public async Task A_hostile_completion_is_refused_and_records_nothing(string what, string body, int status, string mentions)
    {
        var (client, process) = await KazakhProcess();
        var before = await AuditCount(client, process);

        var response = await client.PostAsync($"/api/v1/processes/{process}/steps/start-procedure/complete", Json(body));

        await AssertProblem(response, status, mentions, what);
        Assert.Equal(before, await AuditCount(client, process));
        var reloaded = await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{process}");
        Assert.Equal("active", reloaded.Step("start-procedure").Status());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_too()
    {
        var (client, process) = await KazakhProcess();
        var before = await AuditCount(client, process);
        var content = Json($$"""{"completedOn": "2025-09-05", "note": "{{new string('x', 300 * 1024)}}"}""");
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/processes/{process}/steps/start-procedure/complete") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await AssertProblem(await client.SendAsync(request), 413, "256 KB", "a chunked body");
        Assert.Equal(before, await AuditCount(client, process));
    }

    [Fact]
    public async Task A_body_under_the_limit_still_goes_through()
    {
        var (client, process) = await KazakhProcess();
        var content = Json("""{"completedOn": "2025-09-05", "note": "Order No. 12 <b>signed</b> & sent"}""");
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/processes/{process}/steps/start-procedure/complete") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        var done = await (await client.SendAsync(request)).Json(HttpStatusCode.OK);
        Assert.Equal("done", done.Step("start-procedure").Status());
    }

    public static TheoryData<string, string, string> StartBodies => new()
    {
        { "a title over 300 characters", $$"""{"definitionId": "kz-establishment", "startedOn": "2025-09-01", "title": "{{new string('t', 301)}}"}""", "title" },
        { "a bell in the title", """{"definitionId": "kz-establishment", "startedOn": "2025-09-01", "title": "WG\u0007"}""", "title" },
        { "a start on the first day of the calendar", """{"definitionId": "kz-establishment", "startedOn": "0001-01-01"}""", "startedOn" },
        { "a start on the last day of the calendar", """{"definitionId": "kz-establishment", "startedOn": "9999-12-31"}""", "startedOn" },
        { "a version as text", """{"definitionId": "kz-establishment", "version": "one", "startedOn": "2025-09-01"}""", "version" },
        { "a version past int", """{"definitionId": "kz-establishment", "version": 99999999999, "startedOn": "2025-09-01"}""", "version" },
    };

    [Theory]
    [MemberData(nameof(StartBodies))]
    public async Task A_hostile_start_is_refused_and_starts_nothing(string what, string body, string mentions)
    {
        var client = await _factory.ClientFor("Admin");
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/v1/processes")).GetArrayLength();
        await AssertProblem(await client.PostAsync("/api/v1/processes", Json(body)), 400, mentions, what);
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/v1/processes")).GetArrayLength());
    }

    public static TheoryData<string, string, string> CancelBodies => new()
    {
        { "a reason over 4000 characters", $$"""{"cancelledOn": "2025-09-05", "reason": "{{Long}}"}""", "reason" },
        { "a NUL in the reason", """{"cancelledOn": "2025-09-05", "reason": "a\u0000b"}""", "reason" },
        { "a cancellation in 9999", """{"cancelledOn": "9999-12-31", "reason": "why not"}""", "cancelledOn" },
    };

    [Theory]
    [MemberData(nameof(CancelBodies))]
    public async Task A_hostile_cancellation_is_refused_and_the_process_stays_active(string what, string body, string mentions)
    {
        var (client, process) = await KazakhProcess();
        var before = await AuditCount(client, process);
        await AssertProblem(await client.PostAsync($"/api/v1/processes/{process}/cancel", Json(body)), 400, mentions, what);
        Assert.Equal(before, await AuditCount(client, process));
        Assert.Equal("active", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{process}")).Status());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var (client, process) = await KazakhProcess();
        var before = await AuditCount(client, process);
        var response = await client.PostAsync($"/api/v1/processes/{process}/steps/start-procedure/complete",
            new StringContent("completedOn=2025-09-05", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, await AuditCount(client, process));
    }

    [Fact]
    public async Task An_oversized_form_post_gets_a_readable_page()
    {
        var client = _factory.CreateClient();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = new('a', 300 * 1024), ["Password"] = "x" });
        var response = await client.PostAsync("/account/sign-in", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(HttpClient, string)> KazakhProcess()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        return (client, ProcessApi.Id(await client.Start("kz-establishment", "2025-09-01")));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<int> AuditCount(HttpClient client, string process) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{process}/audit")).GetArrayLength();

    /// <summary>An RFC 9457 problem with the status, a title, and a detail or error naming what is wrong.</summary>
    private static async Task AssertProblem(HttpResponseMessage response, int status, string mentions, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{what}: expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), $"{what}: a problem without a title");
        Assert.True(text.Contains(mentions, StringComparison.OrdinalIgnoreCase), $"{what}: the problem does not mention '{mentions}': {text}");
        Assert.DoesNotContain("   at ", text); // no stack trace
    }
}
