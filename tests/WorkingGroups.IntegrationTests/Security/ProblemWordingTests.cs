using System.Net;
using System.Text;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Security;

/// <summary>
/// A request the framework cannot bind is refused in the API's own words: what is wrong and where, never the
/// framework's wording ("Implicit body inferred…", "Failed to read parameter…") nor the name of a .NET type.
/// </summary>
public sealed class ProblemWordingTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public ProblemWordingTests(AppFactory factory) => _factory = factory;

    public static TheoryData<string, string, string?, string> Requests => new()
    {
        { "POST", "/api/v1/processes", null, "no body" },
        { "POST", "/api/v1/processes", "", "no body" },
        { "POST", "/api/v1/processes", "[]", "JSON object" },
        { "POST", "/api/v1/processes", """{"startedOn": 5}""", "startedOn" },
        { "POST", "/api/v1/processes", """{"definitionId": "kz-establishment", "colour": "red"}""", "colour" },
        { "POST", "/api/v1/processes", """{"definitionId": "kz-establishment" """, "not valid JSON" },
        { "GET", "/api/v1/dashboards/portfolio?asOf=yesterday", null, "asOf" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_request_that_does_not_bind_is_refused_in_our_words(string method, string path, string? body, string mentions)
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains(mentions, detail);
        foreach (var leak in new[] { "WorkingGroups.", "System.", "Implicit body", "Failed to read parameter", "Failed to bind parameter", ".NET" })
            Assert.DoesNotContain(leak, detail);
    }
}
