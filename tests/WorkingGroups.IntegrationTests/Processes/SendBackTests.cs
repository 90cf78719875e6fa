using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Processes;

/// <summary>
/// A ministry returns the draft order with comments: the coordinator sends the step back with the date and the reason,
/// it runs again from that date, the step after it waits again, and the time of both rounds is counted.
/// </summary>
public sealed class SendBackTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public SendBackTests(AppFactory factory) => _factory = factory;

    private static Task<HttpResponseMessage> TrySendBack(HttpClient client, JsonElement process, string stepId, object body) =>
        client.PostAsJsonAsync($"/api/v1/processes/{ProcessApi.Id(process)}/steps/{stepId}/send-back", body);

    [Fact]
    public async Task A_draft_order_sent_back_runs_again_and_both_rounds_count()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var process = await client.Start("kz-establishment", "2026-01-12");
        process = await client.Complete(process, "start-procedure", "2026-01-19");
        process = await client.Complete(process, "draft-order", "2026-02-09", "ISC-17/2026");
        Assert.Equal(["letter-to-minister"], process.ActiveSteps());

        process = await (await TrySendBack(client, process, "draft-order", new { sentBackOn = "2026-02-16", reason = "Comments of the Ministry of Justice" }))
            .Json(HttpStatusCode.OK);
        var draft = process.Step("draft-order");
        Assert.Equal(("active", "2026-02-16", null), (draft.Status(), draft.Date("activatedOn"), draft.Date("completedOn")));
        Assert.Equal("blocked", process.Step("letter-to-minister").Status());
        Assert.Equal(["draft-order"], process.ActiveSteps());
        var round = Assert.Single(draft.GetProperty("rounds").EnumerateArray());
        Assert.Equal(("2026-01-19", "2026-02-09", "2026-02-16", "Comments of the Ministry of Justice"),
            (round.Date("activatedOn"), round.Date("completedOn"), round.Date("sentBackOn"), round.GetProperty("reason").GetString()));

        process = await client.Complete(process, "draft-order", "2026-03-02");
        Assert.Equal(35, process.Step("draft-order").GetProperty("elapsedDays").GetInt32()); // 21 days, then 14 more
        Assert.Equal("2026-03-02", process.Step("letter-to-minister").Date("activatedOn"));

        // The steps dashboard counts the extra round, and a date before the send-back still reads the first round as done.
        var steps = (await client.GetFromJsonAsync<JsonElement>("/api/v1/dashboards/steps?country=KZ")).GetProperty("steps").EnumerateArray()
            .Single(s => s.GetProperty("definitionId").GetString() == "kz-establishment" && s.GetProperty("stepId").GetString() == "draft-order");
        Assert.Equal(1, steps.GetProperty("sentBack").GetInt32());
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/v1/dashboards/steps?country=KZ&asOf=2026-02-12")).GetProperty("steps").EnumerateArray()
            .Single(s => s.GetProperty("definitionId").GetString() == "kz-establishment" && s.GetProperty("stepId").GetString() == "draft-order");
        Assert.Equal((0, 21.0), (before.GetProperty("sentBack").GetInt32(), before.GetProperty("maxDays").GetInt32() * 1.0));

        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(process)}/audit");
        var sentBack = audit.EnumerateArray().Single(a => a.GetProperty("action").GetString() == "step-sent-back");
        Assert.Contains("Comments of the Ministry of Justice", sentBack.GetProperty("after").GetString());
        Assert.Contains("2026-02-09", sentBack.GetProperty("before").GetString()); // the round it closed
    }

    [Fact]
    public async Task A_send_back_is_refused_when_a_later_step_has_progress_and_when_its_input_is_wrong()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var process = await client.Start("kz-establishment", "2026-01-12");
        process = await client.Complete(process, "start-procedure", "2026-01-19");

        var active = await TrySendBack(client, process, "draft-order", new { sentBackOn = "2026-01-20", reason = "Comments" });
        Assert.Equal(HttpStatusCode.Conflict, active.StatusCode);
        Assert.Contains("only a completed step can be sent back", await active.Content.ReadAsStringAsync());

        process = await client.Complete(process, "draft-order", "2026-02-09");
        process = await client.Complete(process, "letter-to-minister", "2026-02-20", "ISC-24-12/1183");
        var later = await TrySendBack(client, process, "draft-order", new { sentBackOn = "2026-02-23", reason = "Comments" });
        Assert.Equal(HttpStatusCode.Conflict, later.StatusCode);
        var problem = await later.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("\"letter-to-minister\"", problem.GetProperty("detail").GetString());

        var early = await TrySendBack(client, process, "letter-to-minister", new { sentBackOn = "2026-02-19", reason = "Comments" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.True((await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("sentBackOn", out _));
        var unexplained = await TrySendBack(client, process, "letter-to-minister", new { sentBackOn = "2026-02-23" });
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.True((await unexplained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));

        // Nothing of the refused attempts was stored.
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(process)}");
        Assert.Equal(["invitations"], stored.ActiveSteps());
        Assert.Empty(stored.Step("draft-order").GetProperty("rounds").EnumerateArray());
    }
}
