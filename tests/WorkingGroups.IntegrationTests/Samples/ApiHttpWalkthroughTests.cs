using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Samples;

/// <summary>samples/api.http is run as written against the started app: if the API or the file drifts, this fails.</summary>
public sealed class ApiHttpWalkthroughTests
{
    [Fact]
    public async Task Every_request_of_api_http_answers_the_status_the_file_promises_and_the_process_ends_established()
    {
        using var factory = new AppFactory();
        var token = await factory.TokenFor("Coordinator", "KZ");
        using var client = factory.CreateClient();
        var (variables, requests) = HttpFile.Parse(await File.ReadAllTextAsync(Path.Combine(AppProcess.RepositoryRoot(), "samples", "api.http")));
        Assert.Equal("http://localhost:5178", variables["baseUrl"]); // the README's address
        variables["baseUrl"] = client.BaseAddress!.ToString().TrimEnd('/');
        variables["token"] = token;

        var answers = new Dictionary<string, JsonElement>();
        foreach (var request in requests)
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), HttpFile.Substitute(request.Url, variables, answers));
            string? contentType = null;
            foreach (var (name, value) in request.Headers)
            {
                var header = HttpFile.Substitute(value, variables, answers);
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = header;
                else if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)) message.Headers.Authorization = AuthenticationHeaderValue.Parse(header);
                else message.Headers.Add(name, header);
            }
            if (request.Body is { } body)
                message.Content = new StringContent(HttpFile.Substitute(body, variables, answers), Encoding.UTF8, contentType ?? "application/json");
            using var response = await client.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == request.Expected, $"\"{request.Title}\": expected {request.Expected}, got {(int)response.StatusCode}: {text}");
            if (request.Name is { } named) answers[named] = JsonDocument.Parse(text).RootElement.Clone();
        }

        Assert.True(requests.Count >= 10, $"api.http walks a whole process; only {requests.Count} requests were found");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var process = await (await client.GetAsync($"/api/v1/processes/{ProcessApi.Id(answers["started"])}")).Json(System.Net.HttpStatusCode.OK);
        Assert.Equal("established", process.Status());
        Assert.Equal("2025-12-22", process.Date("establishedOn"));
        var invitations = process.Step("invitations").GetProperty("invitations").EnumerateArray()
            .ToDictionary(i => i.GetProperty("bodyId").GetString()!, i => i.Status());
        Assert.Equal("accepted", invitations["dmc-mfa"]);
        Assert.Equal("declined", invitations["iwac"]);
        Assert.Equal("no-response", invitations["epd-mes"]);
    }
}
