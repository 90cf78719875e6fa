using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Definitions;

public sealed class DefinitionsApiTests : IClassFixture<AppFactory>
{
    private readonly HttpClient _client;

    public DefinitionsApiTests(AppFactory factory) => _client = factory.CreateClient();

    [Fact]
    public async Task Lists_both_countries_without_sign_in()
    {
        var definitions = await _client.GetFromJsonAsync<JsonElement>("/api/v1/definitions");
        var byCountry = definitions.EnumerateArray().Where(d => d.GetProperty("kind").GetString() == "establishment")
            .ToDictionary(d => d.GetProperty("country").GetString()!);
        Assert.Equal(120, byCountry["KZ"].GetProperty("benchmarkDays").GetInt32());
        Assert.Equal(90, byCountry["TJ"].GetProperty("benchmarkDays").GetInt32());
        var step = byCountry["KZ"].GetProperty("steps")[0];
        foreach (var field in new[] { "id", "title", "kind", "owner", "after", "benchmarkDays" })
        {
            Assert.True(step.TryGetProperty(field, out _), $"step has no camelCase \"{field}\"");
        }
    }

    [Fact]
    public async Task Returns_one_definition_latest_or_by_version()
    {
        var latest = await _client.GetFromJsonAsync<JsonElement>("/api/v1/definitions/tj-establishment");
        Assert.Equal("tj-establishment", latest.GetProperty("id").GetString());
        var v1 = await _client.GetFromJsonAsync<JsonElement>("/api/v1/definitions/tj-establishment?version=1");
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Unknown_definition_or_version_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/v1/definitions/kz-establishment?version=99");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("version 99", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_is_200_with_the_database_reachable()
    {
        var response = await _client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Definitions_page_shows_each_country()
    {
        var html = await _client.GetStringAsync("/definitions");
        Assert.Contains("Kazakhstan", html);
        Assert.Contains("Tajikistan", html);
        var details = await _client.GetStringAsync("/definitions/kz-establishment");
        Assert.Contains("International Water Assessment Centre", details);
    }
}

public sealed class StartupTests
{
    [Fact]
    public void Invalid_definitions_folder_stops_start_up()
    {
        // What is printed is asserted in CommandLineTests, on the real process; here: the host never serves.
        var folder = Directory.CreateTempSubdirectory("wg-bad-defs-").FullName;
        File.WriteAllText(Path.Combine(folder, "broken.json"), "{ \"id\": \"x\",\n  \"version\": }");
        using var factory = new AppFactory().With("Definitions:Folder", folder);

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.False(File.Exists(Path.Combine(factory.DataFolder, "workinggroups.db")), "no database is created from invalid definitions");
    }

    [Fact]
    public void First_start_creates_and_migrates_the_database_in_the_data_folder()
    {
        using var factory = new AppFactory();
        factory.CreateClient();
        Assert.True(File.Exists(Path.Combine(factory.DataFolder, "workinggroups.db")));
    }
}
