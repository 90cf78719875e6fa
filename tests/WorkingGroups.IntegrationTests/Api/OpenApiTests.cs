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
        foreach (var status in new[] { "200", "400", "401", "403", "404", "409", "413", "415", "422" })
            Assert.True(complete.TryGetProperty(status, out _), $"complete lacks {status}");
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Every_operation_is_named_summarised_and_says_whether_it_needs_the_bearer_token()
    {
        var client = await _factory.ClientFor("Observer");
        var paths = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        Assert.NotEmpty(operations);

        var anonymous = new[] { "GET /api/v1/definitions", "GET /api/v1/definitions/{id}" };
        var ids = new HashSet<string>();
        foreach (var (name, operation) in operations)
        {
            Assert.True(operation.TryGetProperty("operationId", out var id) && ids.Add(id.GetString()!), $"{name} has no operationId of its own");
            Assert.False(string.IsNullOrWhiteSpace(operation.TryGetProperty("summary", out var summary) ? summary.GetString() : null), $"{name} has no summary");
            // Generated clients send the token only where `security` asks for it; an anonymous operation says so with [].
            var security = operation.GetProperty("security");
            var responses = operation.GetProperty("responses");
            if (anonymous.Contains(name))
            {
                Assert.Equal(0, security.GetArrayLength());
                Assert.False(responses.TryGetProperty("401", out _), $"{name} needs no sign-in but lists 401");
            }
            else
            {
                Assert.True(security.GetArrayLength() == 1 && security[0].TryGetProperty("Bearer", out _), $"{name} does not ask for the bearer token");
                Assert.True(responses.TryGetProperty("401", out _), $"{name} lacks 401");
            }
            foreach (var status in responses.EnumerateObject().Where(r => r.Name.StartsWith('4')))
                Assert.True(status.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {status.Name} is not a problem document");
        }
    }

    [Theory]
    [InlineData("/api/v1/exports/steps.csv", "text/csv")]
    [InlineData("/api/v1/exports/invitations.csv", "text/csv")]
    [InlineData("/api/v1/exports/portfolio.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task An_export_declares_its_200_in_the_media_type_it_answers_with(string path, string mediaType)
    {
        var client = await _factory.ClientFor("Observer");
        var paths = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        var ok = paths.GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.Equal([mediaType], ok.EnumerateObject().Select(c => c.Name));

        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_answers_the_document_adds_from_metadata_are_the_ones_the_app_gives()
    {
        async Task Expect(HttpStatusCode status, HttpResponseMessage response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)status, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        }

        await Expect(HttpStatusCode.Unauthorized, await _factory.CreateClient().GetAsync("/api/v1/processes"));
        var observer = await _factory.ClientFor("Observer");
        await Expect(HttpStatusCode.Forbidden, await observer.PostAsync("/api/v1/admin/reminders/sweep", null));
        await Expect(HttpStatusCode.UnsupportedMediaType, await observer.PutAsync("/api/v1/me/language", new StringContent("en")));
        await Expect(HttpStatusCode.NotFound, await observer.GetAsync($"/api/v1/groups/{Guid.NewGuid()}/meetings"));
        await Expect(HttpStatusCode.BadRequest, await observer.GetAsync("/api/v1/dashboards/steps?asOf=someday"));
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
