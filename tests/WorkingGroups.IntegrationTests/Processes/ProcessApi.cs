using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WorkingGroups.IntegrationTests.Processes;

/// <summary>Small verbs over the process API, so tests read like a coordinator's day.</summary>
internal static class ProcessApi
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> Start(this HttpClient client, string definitionId, string startedOn, string? title = null) =>
        await (await client.PostAsJsonAsync("/api/v1/processes", new { definitionId, startedOn, title })).Json(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> TryComplete(this HttpClient client, JsonElement process, string stepId, object body) =>
        client.PostAsJsonAsync($"/api/v1/processes/{Id(process)}/steps/{stepId}/complete", body);

    public static async Task<JsonElement> Complete(this HttpClient client, JsonElement process, string stepId, string completedOn, string? number = null) =>
        await (await client.TryComplete(process, stepId, new
        {
            completedOn,
            note = $"{stepId} done",
            evidence = number is null ? null : new[] { new { title = "Letter", number, date = completedOn } },
        })).Json(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryAnswer(this HttpClient client, JsonElement process, string stepId, string bodyId, object body) =>
        client.PostAsJsonAsync($"/api/v1/processes/{Id(process)}/steps/{stepId}/invitations/{bodyId}", body);

    public static async Task<JsonElement> Accept(this HttpClient client, JsonElement process, string stepId, string bodyId, string respondedOn) =>
        await (await client.TryAnswer(process, stepId, bodyId, new
        {
            response = "accepted",
            respondedOn,
            nominee = new { name = $"Representative of {bodyId}", position = "Head of division", email = $"{bodyId}.rep@example.org" },
        })).Json(HttpStatusCode.OK);

    public static string Id(JsonElement process) => process.GetProperty("id").GetString()!;

    public static JsonElement Step(this JsonElement process, string stepId) =>
        process.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == stepId);

    public static string Status(this JsonElement element) => element.GetProperty("status").GetString()!;

    public static string? Date(this JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetString();

    public static string[] ActiveSteps(this JsonElement process) =>
        process.GetProperty("activeSteps").EnumerateArray().Select(s => s.GetString()!).ToArray();
}
