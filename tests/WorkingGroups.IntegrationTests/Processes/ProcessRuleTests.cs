using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Processes;

/// <summary>Every rule of the process API refuses with an RFC 9457 problem that names the field or step, and stores nothing.</summary>
public sealed class ProcessRuleTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public ProcessRuleTests(AppFactory factory) => _factory = factory;

    private async Task<(HttpClient Client, JsonElement Process)> NewKazakhProcess()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        return (client, await client.Start("kz-establishment", "2025-09-01"));
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Json(status);
    }

    [Fact]
    public async Task Completing_a_blocked_step_is_409_naming_what_it_waits_for()
    {
        var (client, process) = await NewKazakhProcess();
        var problem = await Problem(await client.TryComplete(process, "letter-to-minister", new { completedOn = "2025-09-10" }), HttpStatusCode.Conflict);
        Assert.Contains("waits for \"draft-order\"", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Completing_a_done_step_again_is_409()
    {
        var (client, process) = await NewKazakhProcess();
        await client.Complete(process, "start-procedure", "2025-09-05");
        var problem = await Problem(await client.TryComplete(process, "start-procedure", new { completedOn = "2025-09-06" }), HttpStatusCode.Conflict);
        Assert.Contains("already completed on 2025-09-05", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("2099-01-01", "in the future")]
    [InlineData("2025-08-30", "before the date step \"start-procedure\" became active")]
    public async Task A_wrong_date_is_400_naming_the_field(string completedOn, string message)
    {
        var (client, process) = await NewKazakhProcess();
        var problem = await Problem(await client.TryComplete(process, "start-procedure", new { completedOn }), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").GetProperty("completedOn");
        Assert.Contains(message, errors[0].GetString());
        var reloaded = await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(process)}");
        Assert.Equal("active", reloaded.Step("start-procedure").Status());
    }

    [Fact]
    public async Task A_start_date_in_the_future_is_400()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var response = await client.PostAsJsonAsync("/api/v1/processes", new { definitionId = "kz-establishment", startedOn = "2099-05-01" });
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("startedOn", out _));
    }

    [Theory]
    [InlineData("{\"completedOn\": \"2025-13-45\"}", "completedOn")]
    [InlineData("{\"completedOn\": 20250910}", "completedOn")]
    [InlineData("{\"completedOn\": \"2025-09-10\", \"colour\": \"red\"}", "colour")]
    [InlineData("{\"completedOn\": ", "")]
    public async Task A_malformed_body_is_400_saying_where(string body, string where)
    {
        var (client, process) = await NewKazakhProcess();
        var response = await client.PostAsync($"/api/v1/processes/{ProcessApi.Id(process)}/steps/start-procedure/complete",
            new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains(where, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_missing_required_field_is_400_naming_it()
    {
        var (client, process) = await NewKazakhProcess();
        var problem = await Problem(await client.TryComplete(process, "start-procedure", new { note = "no date" }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("completedOn", out _));
    }

    [Fact]
    public async Task Unknown_process_step_and_definition_are_404()
    {
        var (client, process) = await NewKazakhProcess();
        await Problem(await client.GetAsync($"/api/v1/processes/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Problem(await client.TryComplete(process, "no-such-step", new { completedOn = "2025-09-05" }), HttpStatusCode.NotFound);
        await Problem(await client.PostAsJsonAsync("/api/v1/processes", new { definitionId = "xx-nothing", startedOn = "2025-01-01" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Answers_for_bodies_not_invited_or_already_answered_are_409()
    {
        var (client, process) = await NewKazakhProcess();
        await client.Complete(process, "start-procedure", "2025-09-05");
        await client.Complete(process, "draft-order", "2025-09-20");
        await client.Complete(process, "letter-to-minister", "2025-10-01");

        var notInvited = await Problem(await client.TryAnswer(process, "invitations", "isc-mes", new { response = "accepted", respondedOn = "2025-10-05", nominee = new { name = "A" } }), HttpStatusCode.Conflict);
        Assert.Contains("was not invited", notInvited.GetProperty("detail").GetString());

        await client.Accept(process, "invitations", "iwac", "2025-10-06");
        var twice = await Problem(await client.TryAnswer(process, "invitations", "iwac", new { response = "declined", respondedOn = "2025-10-07" }), HttpStatusCode.Conflict);
        Assert.Contains("already answered", twice.GetProperty("detail").GetString());

        var noNominee = await Problem(await client.TryAnswer(process, "invitations", "wic", new { response = "accepted", respondedOn = "2025-10-07" }), HttpStatusCode.BadRequest);
        Assert.True(noNominee.GetProperty("errors").TryGetProperty("nominee", out _));
    }

    [Fact]
    public async Task Closing_the_invitations_records_the_missing_answers()
    {
        var (client, process) = await NewKazakhProcess();
        await client.Complete(process, "start-procedure", "2025-09-05");
        await client.Complete(process, "draft-order", "2025-09-20");
        await client.Complete(process, "letter-to-minister", "2025-10-01");
        await client.Accept(process, "invitations", "iwac", "2025-10-06");

        process = await client.Complete(process, "invitations", "2025-11-15");
        var invitations = process.Step("invitations").GetProperty("invitations").EnumerateArray().ToList();
        Assert.Equal(7, invitations.Count(i => i.Status() == "no-response"));
        Assert.Equal("accepted", invitations.Single(i => i.GetProperty("bodyId").GetString() == "iwac").Status());
        Assert.Equal(["approve-composition"], process.ActiveSteps());
    }

    [Fact]
    public async Task A_correction_recomputes_elapsed_days_and_keeps_the_original_in_the_audit()
    {
        var (client, process) = await NewKazakhProcess();
        await client.Complete(process, "start-procedure", "2025-09-15");
        var response = await client.PatchAsJsonAsync($"/api/v1/processes/{ProcessApi.Id(process)}/steps/start-procedure", new { completedOn = "2025-09-10", note = "Date from the registry" });
        process = await response.Json(HttpStatusCode.OK);
        Assert.Equal(9, process.Step("start-procedure").GetProperty("elapsedDays").GetInt32());
        Assert.Equal("2025-09-10", process.Step("draft-order").Date("activatedOn"));

        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(process)}/audit");
        var correction = audit.EnumerateArray().Single(a => a.GetProperty("action").GetString() == "step-corrected");
        Assert.Contains("2025-09-15", correction.GetProperty("before").GetString());
        Assert.Contains("2025-09-10", correction.GetProperty("after").GetString());
        Assert.False(string.IsNullOrEmpty(correction.GetProperty("user").GetString()));
    }

    [Fact]
    public async Task A_cancelled_process_takes_no_more_steps()
    {
        var (client, process) = await NewKazakhProcess();
        var cancelled = await (await client.PostAsJsonAsync($"/api/v1/processes/{ProcessApi.Id(process)}/cancel", new { cancelledOn = "2025-09-20", reason = "Ministry restructured" }))
            .Json(HttpStatusCode.OK);
        Assert.Equal("cancelled", cancelled.Status());
        await Problem(await client.TryComplete(process, "start-procedure", new { completedOn = "2025-09-21" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Concurrent_completions_of_one_step_have_exactly_one_winner()
    {
        var (client, process) = await NewKazakhProcess();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.TryComplete(process, "start-procedure", new { completedOn = "2025-09-05" })));
        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(process)}/audit");
        Assert.Single(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "step-completed");
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_result_and_records_once()
    {
        var (client, process) = await NewKazakhProcess();
        async Task<HttpResponseMessage> Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/processes/{ProcessApi.Id(process)}/steps/start-procedure/complete")
            {
                Content = JsonContent.Create(new { completedOn = "2025-09-05" }),
            };
            request.Headers.Add("Idempotency-Key", "complete-start-1");
            return await client.SendAsync(request);
        }
        var first = await (await Send()).Json(HttpStatusCode.OK);
        var second = await (await Send()).Json(HttpStatusCode.OK);
        Assert.Equal(first.GetRawText(), second.GetRawText());
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(process)}/audit");
        Assert.Single(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "step-completed");
    }

    [Fact]
    public async Task Concurrent_starts_with_one_idempotency_key_create_one_process_and_all_get_it()
    {
        var client = await _factory.ClientFor("Coordinator", "TJ");
        var key = "start-tj-" + Guid.NewGuid();
        var title = "Tajikistan " + key;
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/processes")
            {
                Content = JsonContent.Create(new { definitionId = "tj-establishment", startedOn = "2025-02-03", title }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => ProcessApi.Id(await r.Json(HttpStatusCode.Created))));
        Assert.Single(ids.Distinct());
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/processes?country=TJ");
        Assert.Single(listed.EnumerateArray(), p => p.GetProperty("title").GetString() == title);
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_another_request_is_refused()
    {
        var (client, process) = await NewKazakhProcess();
        async Task<HttpResponseMessage> Send(string step)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/processes/{ProcessApi.Id(process)}/steps/{step}/complete")
            {
                Content = JsonContent.Create(new { completedOn = "2025-09-05" }),
            };
            request.Headers.Add("Idempotency-Key", "reused-key");
            return await client.SendAsync(request);
        }
        await (await Send("start-procedure")).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Send("draft-order")).StatusCode);
    }
}
