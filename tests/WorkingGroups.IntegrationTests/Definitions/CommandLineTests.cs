using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Definitions;

/// <summary>What a person sees at the console: `validate`, and a start-up refused for bad definitions.</summary>
public sealed class CommandLineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Validate_accepts_the_repository_workflows()
    {
        var folder = Path.Combine(AppProcess.RepositoryRoot(), "workflows");
        var (exit, output, _) = await AppProcess.RunAsync(["validate", folder], new Dictionary<string, string>(), Timeout);
        Assert.Equal(0, exit);
        Assert.Contains("4 definition(s) valid", output);
        Assert.Single(output.Trim().Split('\n'));
    }

    [Fact]
    public async Task Validate_lists_every_error_with_a_non_zero_exit()
    {
        var folder = Directory.CreateTempSubdirectory("wg-validate-").FullName;
        File.WriteAllText(Path.Combine(folder, "a.json"), "{\n  \"id\": 5\n}");
        File.WriteAllText(Path.Combine(folder, "b.json"), "[");
        var (exit, _, error) = await AppProcess.RunAsync(["validate", folder], new Dictionary<string, string>(), Timeout);
        Assert.NotEqual(0, exit);
        Assert.Contains("a.json:2: $.id: expected text but found the number 5.", error);
        Assert.Contains("b.json:1:", error);
    }

    [Fact]
    public async Task Validate_judges_a_folder_without_the_schema_file_by_the_schema_built_into_the_app()
    {
        var folder = Directory.CreateTempSubdirectory("wg-validate-").FullName;
        var kz = File.ReadAllText(Path.Combine(AppProcess.RepositoryRoot(), "workflows", "kz-establishment.v1.json"))
            .Replace("\"days\": 120,", "\"days\": 4000,")
            .Replace("\"kind\": \"committee\",", "\"kind\": \"comittee\",");
        File.WriteAllText(Path.Combine(folder, "kz.v1.json"), kz);
        var (exit, _, error) = await AppProcess.RunAsync(["validate", folder], new Dictionary<string, string>(), Timeout);
        Assert.NotEqual(0, exit);
        var lines = error.Split('\n', StringSplitOptions.TrimEntries);
        var days = kz.Split('\n').ToList().FindIndex(l => l.Contains("\"days\": 4000")) + 1;
        var kind = kz.Split('\n').ToList().FindIndex(l => l.Contains("\"comittee\"")) + 1;
        Assert.Contains($"kz.v1.json:{days}: $.benchmark.days: must be between 1 and 3650, not 4000.", lines);
        Assert.Contains($"kz.v1.json:{kind}: $.bodies[0].kind: unknown body kind \"comittee\" (expected one of: ministry, committee, department, service, agency, government, international, ngo).", lines);
    }

    [Fact]
    public async Task App_refuses_to_start_with_invalid_definitions_and_prints_them_without_a_stack_trace()
    {
        var definitions = Directory.CreateTempSubdirectory("wg-bad-").FullName;
        var data = Directory.CreateTempSubdirectory("wg-data-").FullName;
        File.WriteAllText(Path.Combine(definitions, "kz.json"), "{\n  \"schemaVersion\": 9\n}");
        var (exit, _, error) = await AppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["Definitions__Folder"] = definitions,
            ["Data__Folder"] = data,
        }, Timeout);
        Assert.Equal(2, exit);
        Assert.Contains("kz.json:2: $.schemaVersion: schema version 9 is not supported", error);
        Assert.DoesNotContain("   at ", error);
    }
}
