using System.Net.Http.Json;
using System.Text.Json;
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
}

public sealed class RestartTests : RestartContract
{
    private readonly string _data = Directory.CreateTempSubdirectory("wg-restart-").FullName;

    protected override AppFactory Host(bool last) => AppFactory.On(_data, keepData: !last);
}
