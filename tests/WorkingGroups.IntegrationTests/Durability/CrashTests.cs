using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;
using Xunit.Abstractions;

namespace WorkingGroups.IntegrationTests.Durability;

/// <summary>
/// kill -9 in the middle of a coordinator's work: the real app as a child process on a SQLite file, killed with
/// SIGKILL while requests are in flight, then started again on the same folder.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly string[] Bodies = Reminders.ReminderVerbs.KazakhBodies;

    private readonly string _data = Directory.CreateTempSubdirectory("wg-crash-").FullName;
    private readonly ITestOutputHelper _output;

    public CrashTests(ITestOutputHelper output) => _output = output;

    /// <summary>NotSent: the kill came before the client got to it.</summary>
    private enum Outcome { NotSent, Acknowledged, Unknown }

    /// <summary>The first kill falls at a different point of the burst each time: early, midway, near its end.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public async Task Every_acknowledged_action_survives_a_kill_exactly_once_and_the_process_continues(int killAfter)
    {
        var token = await CreateCoordinatorTokenAsync();

        // Before the first kill: a Kazakhstan process whose eight invitations are out.
        string id;
        await using (var app = await RunningApp.StartAsync(_data, Timeout))
        {
            var client = app.Client(token);
            var process = await client.Start("kz-establishment", "2025-09-01");
            id = ProcessApi.Id(process);
            process = await client.Complete(process, "start-procedure", "2025-09-08");
            process = await client.Complete(process, "draft-order", "2025-09-29", "ISC-17/2025");
            process = await client.Complete(process, "letter-to-minister", "2025-10-13", "ISC-24-12/1183");
            Assert.Equal(["invitations"], process.ActiveSteps());

            // Kill point 1: two clients answer the invitations at once; the app dies after the killAfter-th acknowledgement.
            var outcomes = await AnswerUntilKilledAsync(app, token, id, killAfter);
            Assert.True(outcomes.Count(o => o.Value == Outcome.Acknowledged) >= killAfter, app.Output);

            await using var again = await RunningApp.StartAsync(_data, Timeout);
            var resumed = await again.Client(token).GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}");
            var audit = await AuditAsync(again.Client(token), id);
            AssertOncePerAction(audit, "step-completed", "start-procedure", "draft-order", "letter-to-minister");
            Assert.Equal(["2025-09-08", "2025-09-29", "2025-10-13"],
                new[] { "start-procedure", "draft-order", "letter-to-minister" }.Select(s => resumed.Step(s).Date("completedOn")));
            Assert.Equal("active", resumed.Step("invitations").Status());
            foreach (var body in Bodies)
            {
                var invitation = Invitation(resumed, body);
                var recorded = audit.Count(a => a.Action == "invitation-answered" && a.BodyId == body);
                if (outcomes.GetValueOrDefault(body) == Outcome.Acknowledged)
                {
                    Assert.True(invitation.Status() == "accepted" && recorded == 1, $"{body} was acknowledged: {invitation.Status()}, {recorded} audit entries; outcomes: {string.Join(", ", outcomes)}");
                }
                else
                {
                    // Never acknowledged: either wholly there (it committed just before the kill) or not at all.
                    var whole = invitation.Status() == "accepted" && recorded == 1 && invitation.Date("respondedOn") == RespondedOn(body);
                    var absent = invitation.Status() == "pending" && recorded == 0 && invitation.Date("respondedOn") is null;
                    Assert.True(whole || absent, $"{body} is half-present: {invitation.Status()}, {recorded} audit entries");
                }
            }

            // The client retries what it never heard back about, with the same Idempotency-Key: nothing twice.
            foreach (var body in Bodies.Where(b => Invitation(resumed, b).Status() == "pending" || outcomes.GetValueOrDefault(b) == Outcome.Unknown))
            {
                var response = await AnswerAsync(again.Client(token), id, body);
                var text = await response.Content.ReadAsStringAsync();
                if (Invitation(resumed, body).Status() == "pending") Assert.True(response.StatusCode == HttpStatusCode.OK, text);
                else Assert.True(response.StatusCode == HttpStatusCode.OK || text.Contains("already answered"), text); // committed before the kill
            }
            resumed = await again.Client(token).GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}");
            audit = await AuditAsync(again.Client(token), id);
            AssertOncePerBody(audit);
            Assert.Equal("done", resumed.Step("invitations").Status());
            Assert.Equal("2025-10-27", resumed.Step("invitations").Date("completedOn")); // the latest answer
            Assert.Equal(["approve-composition"], resumed.ActiveSteps());
            Assert.Equal("2025-10-27", resumed.Step("approve-composition").Date("activatedOn"));

            // Kill point 2: the last step's completion is committed (another client sees it done) while its request still
            // waits for the engine to establish the group; the app dies in that window.
            var completion = again.Client(token).TryComplete(resumed, "approve-composition", new { completedOn = "2025-12-29", note = "Order 412 signed" });
            var seen = await EventuallyAsync(again.Client(token), id, p => p.Step("approve-composition").Status() == "done", TimeSpan.FromMilliseconds(10));
            await again.KillAsync();
            Assert.Equal("done", seen.Step("approve-composition").Status());
            _output.WriteLine($"killed {(seen.Status() == "established" ? "after" : "before")} the engine established the group; the request was {(completion.IsCompletedSuccessfully ? "answered" : "cut off")}");
        }

        await using var last = await RunningApp.StartAsync(_data, Timeout);
        var client3 = last.Client(token);
        // The engine finishes what the committed completion started, from its stored state (its poll after the restart).
        var final = await EventuallyAsync(client3, id, p => p.Status() == "established", TimeSpan.FromMilliseconds(200));
        Assert.Equal("established", final.Status());
        Assert.Equal("2025-12-29", final.Date("establishedOn"));
        Assert.Equal(119, final.GetProperty("elapsedDays").GetInt32());
        Assert.Empty(final.ActiveSteps());

        var trail = await AuditAsync(client3, id);
        AssertOncePerAction(trail, "step-completed", "start-procedure", "draft-order", "letter-to-minister", "approve-composition");
        AssertOncePerBody(trail);
        Assert.Single(trail, a => a.Action == "started");
        Assert.Single(trail, a => a.Action == "established");
    }

    /// <summary>Two clients answer four bodies each; a conflict with the other client is retried, as a script would.</summary>
    private static async Task<ConcurrentDictionary<string, Outcome>> AnswerUntilKilledAsync(RunningApp app, string token, string id, int killAfter)
    {
        var outcomes = new ConcurrentDictionary<string, Outcome>();
        var acknowledged = 0;
        var kill = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task Answer(IEnumerable<string> bodies)
        {
            using var client = app.Client(token);
            foreach (var body in bodies)
            {
                while (true)
                {
                    HttpResponseMessage response;
                    try
                    {
                        response = await AnswerAsync(client, id, body);
                    }
                    catch (HttpRequestException)
                    {
                        outcomes[body] = Outcome.Unknown; // cut off by the kill
                        return;
                    }
                    if (response.IsSuccessStatusCode)
                    {
                        outcomes[body] = Outcome.Acknowledged;
                        if (Interlocked.Increment(ref acknowledged) == killAfter) kill.TrySetResult();
                        break;
                    }
                    Assert.True(response.StatusCode == HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
                }
            }
        }

        var clients = Task.WhenAll(Answer(Bodies[..4]), Answer(Bodies[4..]));
        await Task.WhenAny(kill.Task, clients);
        await app.KillAsync();
        await clients;
        return outcomes;
    }

    /// <summary>An answer with an Idempotency-Key per body, so a retry after a crash is recognisably the same request.</summary>
    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, string id, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/processes/{id}/steps/invitations/invitations/{body}")
        {
            Content = JsonContent.Create(new
            {
                response = "accepted",
                respondedOn = RespondedOn(body),
                nominee = new { name = $"Representative of {body}", position = "Head of division", email = $"{body}.rep@example.org" },
            }),
        };
        request.Headers.Add("Idempotency-Key", $"answer-{id}-{body}");
        return client.SendAsync(request);
    }

    private static string RespondedOn(string body) =>
        new DateOnly(2025, 10, 20).AddDays(Array.IndexOf(Bodies, body)).ToString("yyyy-MM-dd");

    private static JsonElement Invitation(JsonElement process, string body) =>
        process.Step("invitations").GetProperty("invitations").EnumerateArray().Single(i => i.GetProperty("bodyId").GetString() == body);

    private sealed record AuditLine(string Action, string? StepId, string? BodyId);

    private static async Task<List<AuditLine>> AuditAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<List<AuditLine>>($"/api/v1/processes/{id}/audit", JsonSerializerOptions.Web))!;

    private static void AssertOncePerAction(List<AuditLine> audit, string action, params string[] steps)
    {
        foreach (var step in steps)
            Assert.True(audit.Count(a => a.Action == action && a.StepId == step) == 1, $"{action} {step}: {audit.Count(a => a.Action == action && a.StepId == step)} entries");
    }

    private static void AssertOncePerBody(List<AuditLine> audit)
    {
        foreach (var body in Bodies)
            Assert.True(audit.Count(a => a.Action == "invitation-answered" && a.BodyId == body) == 1, $"{body} answered {audit.Count(a => a.BodyId == body)} times");
    }

    private static async Task<JsonElement> EventuallyAsync(HttpClient client, string id, Func<JsonElement, bool> condition, TimeSpan interval)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var process = await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}");
            if (condition(process) || DateTime.UtcNow > deadline) return process;
            await Task.Delay(interval);
        }
    }

    private Task<string> CreateCoordinatorTokenAsync() =>
        AppProcess.UserWithTokenAsync(_data, "kz@example.org", "crash-test", Timeout, "--role", "Coordinator", "--country", "KZ");

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
