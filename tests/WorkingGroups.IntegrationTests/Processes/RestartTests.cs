using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Processes;

public sealed class RestartTests
{
    [Fact]
    public async Task A_new_host_on_the_same_file_continues_the_process()
    {
        var data = Directory.CreateTempSubdirectory("wg-restart-").FullName;
        string id;
        using (var first = AppFactory.On(data, keepData: true))
        {
            var client = await first.ClientFor("Coordinator", "TJ");
            var process = await client.Start("tj-establishment", "2025-02-03");
            process = await client.Complete(process, "unece-letter", "2025-02-14");
            id = ProcessApi.Id(process);
        }

        using var second = AppFactory.On(data, keepData: false);
        var again = await second.ClientFor("Coordinator", "TJ");
        var resumed = await again.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}");
        Assert.Equal(["mfa-transmittal", "start-procedure"], resumed.ActiveSteps());
        resumed = await again.Complete(resumed, "mfa-transmittal", "2025-02-26");
        resumed = await again.Complete(resumed, "start-procedure", "2025-03-01");
        Assert.Equal(["request-to-government"], resumed.ActiveSteps());
    }
}
