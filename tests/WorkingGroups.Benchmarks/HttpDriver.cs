using System.Net.Http.Json;
using System.Text.Json;

namespace WorkingGroups.Benchmarks;

/// <summary>Drives processes through the app's HTTP API with a real bearer token, as a coordinator's script would.</summary>
public sealed class HttpDriver(HttpClient client) : IProcessDriver
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public Task<(Guid Id, IReadOnlyList<string> Active)> StartAsync() => StartAsync(Today.AddDays(-30));

    public async Task<(Guid Id, IReadOnlyList<string> Active)> StartAsync(DateOnly startedOn)
    {
        using var response = await client.PostAsJsonAsync("api/v1/processes", new { definitionId = "kz-establishment", startedOn });
        var process = await ReadAsync(response);
        return (process.GetProperty("id").GetGuid(), Active(process));
    }

    public Task<IReadOnlyList<string>> CompleteAsync(Guid processId, string stepId) => CompleteAsync(processId, stepId, Today);

    public async Task<IReadOnlyList<string>> CompleteAsync(Guid processId, string stepId, DateOnly completedOn)
    {
        using var response = await client.PostAsJsonAsync($"api/v1/processes/{processId}/steps/{stepId}/complete", new { completedOn });
        return Active(await ReadAsync(response));
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<string> Active(JsonElement process) =>
        process.GetProperty("activeSteps").EnumerateArray().Select(s => s.GetString()!).ToList();
}
