using System.Net;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Security;

/// <summary>
/// A request for another host name is refused before anything answers it: "Host: evil.example" never comes back in a
/// redirect's Location or in the OpenAPI document's server. The app's own name (App:BaseUrl) and loopback are served.
/// </summary>
public sealed class HostHeaderTests : IClassFixture<HostHeaderTests.Host>
{
    public sealed class Host : AppFactory
    {
        public Host() => With("App:BaseUrl", "https://wg.example.org");
    }

    private readonly Host _factory;

    public HostHeaderTests(Host factory) => _factory = factory;

    private async Task<HttpResponseMessage> Get(string path, string host)
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("/processes")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/")]
    public async Task Another_host_name_is_refused_and_never_echoed(string path)
    {
        var response = await Get(path, "evil.example");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location?.ToString() ?? "");
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_apps_own_name_and_loopback_are_served()
    {
        var document = await (await _factory.ClientFor("Observer")).GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"url\": \"https://wg.example.org\"", document); // the public address, not the Host asked for
        var own = await Get("/processes", "wg.example.org");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode); // to the sign-in page
        Assert.Equal(HttpStatusCode.OK, (await Get("/health", "localhost")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get("/health", "127.0.0.1")).StatusCode);
    }
}
