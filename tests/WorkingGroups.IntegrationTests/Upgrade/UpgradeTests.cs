using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WorkingGroups.IntegrationTests.Groups;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Upgrade;

/// <summary>
/// A database written while WorkflowCore ran the processes (engine-v3.db, written by fc6a8c6: processes at every stage,
/// in each of its three instance shapes, an amendment, a cancelled process, and a completion recorded while the engine
/// was down) carries on under the engine that is the domain's: migrated at start-up, caught up, and walked to the end.
/// </summary>
public sealed class UpgradeTests : IDisposable
{
    private readonly AppFactory _host;

    public UpgradeTests()
    {
        var folder = Directory.CreateTempSubdirectory("wg-upgrade-").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Upgrade", "engine-v3.db"), Path.Combine(folder, "workinggroups.db"));
        _host = AppFactory.On(folder, keepData: false);
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Every_process_of_the_old_engine_carries_on_and_the_engine_tables_are_gone()
    {
        var kz = await _host.ClientFor("Coordinator", "KZ");
        var tj = await _host.ClientFor("Coordinator", "TJ");

        // The completion the old engine never saw has opened the step after it, at start-up.
        var caught = await Titled(tj, "TJ", "Fixture: TJ completed while the engine was down");
        Assert.Equal(["mfa-transmittal", "start-procedure"], caught.ActiveSteps());
        Assert.Equal("2026-08-14", caught.Step("mfa-transmittal").Date("activatedOn"));

        // What had ended stays as it was.
        Assert.Equal("cancelled", (await Titled(kz, "KZ", "Fixture: KZ cancelled")).Status());
        var established = await Titled(tj, "TJ", "Fixture: TJ established");
        Assert.Equal("2026-04-10", established.Date("establishedOn"));
        var audit = await (await tj.GetAsync($"/api/v1/processes/{ProcessApi.Id(established)}/audit")).Json(HttpStatusCode.OK);
        Assert.Equal(["started", "step-completed", "step-completed", "step-completed", "step-completed", "step-completed", "established"],
            audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()));

        // The older shapes' invitations step goes on by answers alone, then by completion.
        var perAnswer = await Titled(kz, "KZ", "Fixture: KZ per-answer shape");
        foreach (var body in new[] { "dles-mes", "epd-mes", "cerc-menr", "wmp-menr", "cwr-menr", "dmc-mfa", "wic" })
            perAnswer = await kz.Accept(perAnswer, "invitations", body, "2026-07-24");
        Assert.Equal(["approve-composition"], perAnswer.ActiveSteps());
        Assert.Equal("2026-07-24", perAnswer.Step("approve-composition").Date("activatedOn"));

        // Every process still running walks to its end through the API.
        foreach (var (client, country) in new[] { (kz, "KZ"), (tj, "TJ") })
        {
            foreach (var running in await List(client, country, "active"))
            {
                var process = running;
                while (process.ActiveSteps() is [var next, ..])
                    process = await client.Complete(process, next, process.Step(next).Date("activatedOn")!);
                Assert.Equal("established", process.Status());
            }
            Assert.Empty(await List(client, country, "active"));
        }

        // The amendment, finished under the new engine, changed the group it was started from.
        var group = await kz.GroupFoundedBy(ProcessApi.Id(await Titled(kz, "KZ", "Kazakhstan WG")));
        Assert.DoesNotContain("dmc-mfa", (await kz.Composition(group, "2026-12-01")).BodyIds());
        Assert.Contains("dmc-mfa", (await kz.Composition(group, "2026-01-01")).BodyIds());

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataFolder, "workinggroups.db")};Pooling=false");
        await connection.OpenAsync();
        await using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'Engine%'";
        Assert.Equal(0L, (long)(await tables.ExecuteScalarAsync())!);
    }

    private static async Task<JsonElement[]> List(HttpClient client, string country, string status) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes?country={country}&status={status}")).EnumerateArray().ToArray();

    private static async Task<JsonElement> Titled(HttpClient client, string country, string title) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes?country={country}")).EnumerateArray()
            .Single(p => p.GetProperty("title").GetString() == title);
}
