using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Api;

public sealed class OpenApiTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public OpenApiTests(AppFactory factory) => _factory = factory;

    [Fact]
    public async Task The_document_describes_every_api_endpoint_with_its_problems_and_the_bearer_scheme()
    {
        var client = await _factory.ClientFor("Observer");
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        var routes = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal))
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"\{(\w+)(:[^}]*)?\}", "{$1}").TrimEnd('/'))
            .Distinct().ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes) Assert.True(paths.TryGetProperty(route, out _), $"{route} is missing from the OpenAPI document");

        var complete = paths.GetProperty("/api/v1/processes/{id}/steps/{stepId}/complete").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "200", "400", "401", "403", "404", "409" }) Assert.True(complete.TryGetProperty(status, out _), $"complete lacks {status}");
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task The_interactive_reference_is_served_by_the_app()
    {
        var client = await _factory.ClientFor("Observer");
        var response = await client.GetAsync("/openapi/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
        // Its script comes from the app itself, so the reference works where no CDN is reachable.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/scalar.js")).StatusCode);
    }

    [Fact]
    public async Task Outside_development_the_document_and_reference_need_a_signed_in_user()
    {
        var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);

        await using var development = new AppFactory().With("OpenApi:Anonymous", "true");
        Assert.Equal(HttpStatusCode.OK, (await development.CreateClient().GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_problem_document()
    {
        var response = await _factory.CreateClient().GetAsync("/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
