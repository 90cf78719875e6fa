using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Engine;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Processes;

/// <summary>A second host on the first one's store carries the process on: on SQLite (<see cref="RestartTests"/>) and PostgreSQL.</summary>
public abstract class RestartContract
{
    /// <summary>A host on this test's store; the <paramref name="last"/> one removes the store when it is disposed.</summary>
    protected abstract AppFactory Host(bool last);

    [SkippableFact]
    public async Task A_new_host_on_the_same_store_continues_the_process()
    {
        string id;
        using (var first = Host(last: false))
        {
            var client = await first.ClientFor("Coordinator", "TJ");
            var process = await client.Start("tj-establishment", "2025-02-03");
            process = await client.Complete(process, "unece-letter", "2025-02-14");
            id = ProcessApi.Id(process);
        }

        using var second = Host(last: true);
        var again = await second.ClientFor("Coordinator", "TJ");
        var resumed = await again.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}");
        Assert.Equal(["mfa-transmittal", "start-procedure"], resumed.ActiveSteps());
        resumed = await again.Complete(resumed, "mfa-transmittal", "2025-02-26");
        resumed = await again.Complete(resumed, "start-procedure", "2025-03-01");
        Assert.Equal(["request-to-government"], resumed.ActiveSteps());
    }

    /// <summary>
    /// The wake a completion gives its instance is durable (decision 0017): here the engine is down when the step is
    /// recorded, so only the mark committed with it can tell the next host that the instance has work.
    /// </summary>
    [SkippableFact]
    public async Task A_completion_recorded_while_the_engine_is_down_is_carried_on_by_the_next_host()
    {
        string id;
        using (var first = Host(last: false).With("Engine:SettleTimeoutMs", "300"))
        {
            var client = await first.ClientFor("Coordinator", "TJ");
            var process = await client.Start("tj-establishment", "2025-02-03");
            await first.Services.GetRequiredService<EngineHost>().StopAsync(CancellationToken.None);
            process = await client.Complete(process, "unece-letter", "2025-02-14");
            Assert.Equal("done", process.Step("unece-letter").Status());
            Assert.Equal(["start-procedure"], process.ActiveSteps()); // recorded, and nothing has opened the step after it
            id = ProcessApi.Id(process);
        }

        using var second = Host(last: true);
        var again = await second.ClientFor("Coordinator", "TJ");
        var deadline = DateTime.UtcNow.AddSeconds(15); // the next host's engine polls every 2 s
        var resumed = await again.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}");
        while (resumed.ActiveSteps().Length == 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            resumed = await again.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}");
        }
        Assert.Equal(["mfa-transmittal", "start-procedure"], resumed.ActiveSteps());
    }
}

public sealed class RestartTests : RestartContract
{
    private readonly string _data = Directory.CreateTempSubdirectory("wg-restart-").FullName;

    protected override AppFactory Host(bool last) => AppFactory.On(_data, keepData: !last);
}
