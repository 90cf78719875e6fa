using System.Net.Http.Json;
using System.Net;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Processes;

/// <summary>
/// Whole establishments walked through the API with real-looking dates; the engine opens each next step. Run on each
/// database the app supports (<see cref="ProcessWalkTests"/> on SQLite, <see cref="Postgres.PostgresProcessWalkTests"/>).
/// </summary>
public abstract class ProcessWalkContract<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : AppFactory
{
    private readonly AppFactory _factory = factory;

    [SkippableFact]
    public async Task Kazakhstan_is_established_in_about_four_months()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var process = await client.Start("kz-establishment", "2025-09-01", "Kazakhstan WG");
        Assert.Equal("active", process.Status());
        Assert.Equal(["start-procedure"], process.ActiveSteps());
        Assert.Equal("2025-09-01", process.Step("start-procedure").Date("activatedOn"));
        Assert.Equal("blocked", process.Step("draft-order").Status());

        process = await client.Complete(process, "start-procedure", "2025-09-08");
        Assert.Equal(["draft-order"], process.ActiveSteps());
        Assert.Equal("2025-09-08", process.Step("draft-order").Date("activatedOn"));

        process = await client.Complete(process, "draft-order", "2025-09-29", "ISC-17/2025");
        process = await client.Complete(process, "letter-to-minister", "2025-10-13", "ISC-24-12/1183");
        Assert.Equal(["invitations"], process.ActiveSteps());
        var invitations = process.Step("invitations").GetProperty("invitations").EnumerateArray().ToList();
        Assert.Equal(8, invitations.Count);
        Assert.All(invitations, i => Assert.Equal("pending", i.Status()));
        Assert.All(invitations, i => Assert.Equal("2025-10-13", i.Date("sentOn")));

        // Answers arrive at different speeds; one body declines.
        string[] bodies = ["dles-mes", "epd-mes", "cerc-menr", "wmp-menr", "cwr-menr", "dmc-mfa", "iwac"];
        for (var i = 0; i < bodies.Length; i++)
        {
            process = await client.Accept(process, "invitations", bodies[i], new DateOnly(2025, 10, 20).AddDays(i * 4).ToString("yyyy-MM-dd"));
            Assert.Equal("active", process.Step("invitations").Status());
        }
        process = await (await client.TryAnswer(process, "invitations", "wic", new { response = "declined", respondedOn = "2025-11-21", reason = "No capacity this year" }))
            .Json(HttpStatusCode.OK);

        var step = process.Step("invitations");
        Assert.Equal("done", step.Status());
        Assert.Equal("2025-11-21", step.Date("completedOn"));
        Assert.Equal(39, step.GetProperty("elapsedDays").GetInt32());
        Assert.Equal(["approve-composition"], process.ActiveSteps());

        process = await client.Complete(process, "approve-composition", "2025-12-29", "Order 412");
        Assert.Equal("established", process.Status());
        Assert.Equal("2025-12-29", process.Date("establishedOn"));
        Assert.Equal(119, process.GetProperty("elapsedDays").GetInt32());
        Assert.Equal(120, process.GetProperty("benchmarkDays").GetInt32());
        Assert.Empty(process.ActiveSteps());

        var audit = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/processes/{ProcessApi.Id(process)}/audit");
        var actions = audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal("started", actions[0]);
        Assert.Equal(4, actions.Count(a => a == "step-completed"));
        Assert.Equal(8, actions.Count(a => a == "invitation-answered"));
        Assert.Equal("established", actions[^1]);
    }

    [SkippableFact]
    public async Task Tajikistan_joins_the_unece_letter_and_the_internal_procedure()
    {
        var client = await _factory.ClientFor("Coordinator", "TJ");
        var process = await client.Start("tj-establishment", "2025-02-03");
        Assert.Equal(["unece-letter", "start-procedure"], process.ActiveSteps());

        process = await client.Complete(process, "unece-letter", "2025-02-14", "ECE/TEIA/2025/7");
        Assert.Equal(["mfa-transmittal", "start-procedure"], process.ActiveSteps());
        process = await client.Complete(process, "mfa-transmittal", "2025-02-26", "MFA-05/311");
        Assert.Equal("blocked", process.Step("request-to-government").Status());

        process = await client.Complete(process, "start-procedure", "2025-03-03");
        Assert.Equal(["request-to-government"], process.ActiveSteps());
        Assert.Equal("2025-03-03", process.Step("request-to-government").Date("activatedOn"));

        process = await client.Complete(process, "request-to-government", "2025-03-20", "SSSWIM-1/412");
        process = await client.Complete(process, "approve-composition", "2025-05-02", "Decree 233");
        Assert.Equal("established", process.Status());
        Assert.Equal(88, process.GetProperty("elapsedDays").GetInt32());
        Assert.Equal("on-track", process.GetProperty("state").GetString()); // established in 88 of 90 days: on time, however close
        Assert.Equal("overdue", process.Step("approve-composition").GetProperty("state").GetString()); // 43 days against 41
    }

    [SkippableFact]
    public async Task Processes_are_listed_and_filtered_by_country_and_status()
    {
        var kz = await _factory.ClientFor("Coordinator", "KZ");
        await kz.Start("kz-establishment", "2026-01-15", "Filter me");
        var observer = await _factory.ClientFor("Observer");
        var list = await observer.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/processes?country=KZ&status=active");
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("title").GetString() == "Filter me");
        Assert.All(list.EnumerateArray(), p => Assert.Equal("KZ", p.GetProperty("country").GetString()));
        var tj = await observer.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/processes?country=TJ&status=cancelled");
        Assert.DoesNotContain(tj.EnumerateArray(), p => p.GetProperty("title").GetString() == "Filter me");
    }
}

public sealed class ProcessWalkTests(AppFactory factory) : ProcessWalkContract<AppFactory>(factory);
