using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Processes;

public sealed class ProcessAccessTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public ProcessAccessTests(AppFactory factory) => _factory = factory;

    [Fact]
    public async Task Without_a_token_reads_and_writes_are_401()
    {
        var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/processes")).StatusCode);
        var post = await anonymous.PostAsJsonAsync("/api/v1/processes", new { definitionId = "kz-establishment", startedOn = "2025-09-01" });
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Fact]
    public async Task An_observer_reads_but_cannot_change()
    {
        var coordinator = await _factory.ClientFor("Coordinator", "KZ");
        var process = await coordinator.Start("kz-establishment", "2025-09-01");
        var observer = await _factory.ClientFor("Observer");
        await (await observer.GetAsync($"/api/v1/processes/{ProcessApi.Id(process)}")).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.TryComplete(process, "start-procedure", new { completedOn = "2025-09-05" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await observer.PostAsJsonAsync("/api/v1/processes", new { definitionId = "kz-establishment", startedOn = "2025-09-01" })).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_of_another_country_cannot_change_and_nothing_is_recorded()
    {
        var kazakh = await _factory.ClientFor("Coordinator", "KZ");
        var process = await kazakh.Start("kz-establishment", "2025-09-01");
        var tajik = await _factory.ClientFor("Coordinator", "TJ");
        Assert.Equal(HttpStatusCode.Forbidden, (await tajik.TryComplete(process, "start-procedure", new { completedOn = "2025-09-05" })).StatusCode);
        var reloaded = await kazakh.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(process)}");
        Assert.Equal("active", reloaded.Step("start-procedure").Status());
    }

    [Fact]
    public async Task An_admin_may_change_any_country()
    {
        var admin = await _factory.ClientFor("Admin");
        var process = await admin.Start("tj-establishment", "2025-02-03");
        process = await admin.Complete(process, "unece-letter", "2025-02-14");
        Assert.Contains("mfa-transmittal", process.ActiveSteps());
    }
}
