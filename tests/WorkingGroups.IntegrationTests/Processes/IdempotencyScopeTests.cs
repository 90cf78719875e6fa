using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Processes;

/// <summary>
/// An Idempotency-Key stands for one request of one caller: the same key with another body is refused (422 naming the
/// key), a request the caller may not make is refused (403) even with a key that answered before, and a correction
/// that changes nothing leaves no audit entry.
/// </summary>
public sealed class IdempotencyScopeTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public IdempotencyScopeTests(AppFactory factory) => _factory = factory;

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object body, string key)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_and_changes_nothing()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var key = "start-" + Guid.NewGuid();
        var first = await (await Send(client, HttpMethod.Post, "/api/v1/processes",
            new { definitionId = "kz-establishment", startedOn = "2025-09-01", title = "First " + key }, key)).Json(HttpStatusCode.Created);

        var other = await Send(client, HttpMethod.Post, "/api/v1/processes",
            new { definitionId = "kz-establishment", startedOn = "2025-10-01", title = "Second " + key }, key);
        var problem = await other.Json(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(key, problem.GetProperty("detail").GetString());
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/processes?country=KZ");
        Assert.DoesNotContain(listed.EnumerateArray(), p => p.GetProperty("title").GetString() == "Second " + key);
        Assert.Contains(listed.EnumerateArray(), p => p.GetProperty("id").GetString() == ProcessApi.Id(first));
    }

    [Fact]
    public async Task A_key_that_answered_before_does_not_let_the_caller_start_what_it_may_not()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var key = "start-" + Guid.NewGuid();
        await (await Send(client, HttpMethod.Post, "/api/v1/processes", new { definitionId = "kz-establishment", startedOn = "2025-09-01" }, key))
            .Json(HttpStatusCode.Created);

        var tajik = await Send(client, HttpMethod.Post, "/api/v1/processes", new { definitionId = "tj-establishment", startedOn = "2025-09-01" }, key);
        Assert.Equal(HttpStatusCode.Forbidden, tajik.StatusCode);
    }

    [Fact]
    public async Task A_replay_is_refused_once_the_caller_may_no_longer_change_the_process()
    {
        var kazakh = await _factory.ClientFor("Coordinator", "KZ");
        var process = await kazakh.Start("kz-establishment", "2025-09-01");
        // Another user's key cannot be borrowed: keys are per caller, so a Tajik coordinator's retry runs as its own request.
        var tajik = await _factory.ClientFor("Coordinator", "TJ");
        var path = $"/api/v1/processes/{ProcessApi.Id(process)}/steps/start-procedure/complete";
        await (await Send(kazakh, HttpMethod.Post, path, new { completedOn = "2025-09-05" }, "shared-key")).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(tajik, HttpMethod.Post, path, new { completedOn = "2025-09-05" }, "shared-key")).StatusCode);
    }

    [Fact]
    public async Task A_correction_that_changes_nothing_leaves_no_audit_entry()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var process = await client.Complete(await client.Start("kz-establishment", "2025-09-01"), "start-procedure", "2025-09-05");
        var path = $"/api/v1/processes/{ProcessApi.Id(process)}/steps/start-procedure";
        await (await client.PatchAsJsonAsync(path, new { })).Json(HttpStatusCode.OK);
        await (await client.PatchAsJsonAsync(path, new { completedOn = "2025-09-05", note = "start-procedure done" })).Json(HttpStatusCode.OK);
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(process)}/audit");
        Assert.DoesNotContain(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "step-corrected");
    }
}
