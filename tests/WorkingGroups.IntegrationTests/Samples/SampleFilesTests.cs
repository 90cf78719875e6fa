using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Samples;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.Web.Cli;

namespace WorkingGroups.IntegrationTests.Samples;

/// <summary>The files in samples/ as a person edits them: the definition validates, every history reads cleanly.</summary>
public sealed class SampleFilesTests
{
    private static readonly string Samples = Path.Combine(AppProcess.RepositoryRoot(), "samples");

    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void Validate_accepts_the_Uzbekistan_definition_and_nothing_else_in_samples()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, CommandLine.Validate(Samples, output, error));
        Assert.Equal("", error.ToString());
        Assert.Contains("1 definition(s) valid: uz-establishment v1 (UZ)", output.ToString());
    }

    [Fact]
    public void The_Uzbekistan_definition_marks_every_per_step_benchmark_as_an_assumption()
    {
        var uz = DefinitionLoader.LoadFolder(Samples).Definitions.Single();
        Assert.Equal("moe", uz.LeadBodyId);
        Assert.All(uz.Steps, s => Assert.True(s.Benchmark.Assumption, s.Id));
        Assert.All(uz.Bodies, b => Assert.EndsWith("@example.org", b.Contact!.Email));
    }

    [Fact]
    public void Every_history_reads_without_error_against_the_three_countries()
    {
        var (histories, errors) = SampleHistoryFile.ReadFolder(Path.Combine(Samples, "histories"), Catalog(), Today);
        Assert.Empty(errors);
        Assert.Equal(["kz-establishment", "tj-establishment", "uz-establishment"], histories.Select(h => h.Start.DefinitionId).Order().ToArray());
        var uz = histories.Single(h => h.Start.DefinitionId == "uz-establishment");
        Assert.Equal(Today.AddDays(-200), uz.Start.StartedOn);
    }

    [Fact]
    public void A_history_mistake_is_reported_with_its_file_and_path()
    {
        var folder = Directory.CreateTempSubdirectory("wg-histories-").FullName;
        File.WriteAllText(Path.Combine(folder, "a.json"), """
            { "definitionId": "kz-establishment", "startedOn": "2021-09-13",
              "actions": [ { "answer": "invitations", "body": "mes", "response": "accepted", "on": "2021-10-01" },
                           { "complete": "draft-order", "on": "today+3" } ] }
            """);
        File.WriteAllText(Path.Combine(folder, "b.json"), """{ "definitionId": "kz-establishment", "startedOn": "2099-01-01" }""");
        File.WriteAllText(Path.Combine(folder, "c.json"), """{ "definitionId": "kz-establishment", "startedOn": "2021-09-13", "colour": "red" }""");

        var (histories, errors) = SampleHistoryFile.ReadFolder(folder, Catalog(), Today);
        Assert.Empty(histories);
        Assert.Equal(4, errors.Count); // every mistake at once
        Assert.StartsWith("a.json: $.actions[0].body: \"mes\" is not invited in step \"invitations\"", errors[0]);
        Assert.Equal("a.json: $.actions[1].on: \"today+3\" is not a date: write yyyy-MM-dd or today-N.", errors[1]);
        Assert.Equal("b.json: $.startedOn: 2099-01-01 is in the future.", errors[2]);
        Assert.StartsWith("c.json:1: $.colour: ", errors[3]);
        Assert.Contains("colour", errors[3]);
    }

    [Fact]
    public void A_samples_folder_without_definitions_leaves_the_catalog_as_it_is()
    {
        var catalog = new DefinitionCatalog(DefinitionLoader.LoadFolder(Path.Combine(AppProcess.RepositoryRoot(), "workflows")).Definitions);
        var folder = Directory.CreateTempSubdirectory("wg-histories-only-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "histories"));
        Assert.Same(catalog, SampleDefinitions.Add(catalog, folder));
        Assert.Equal(5, Catalog().All.Count); // Kazakhstan and Tajikistan (establishment, amendment), and the sample Uzbekistan
    }

    private static DefinitionCatalog Catalog() =>
        SampleDefinitions.Add(new DefinitionCatalog(DefinitionLoader.LoadFolder(Path.Combine(AppProcess.RepositoryRoot(), "workflows")).Definitions), Samples);
}
