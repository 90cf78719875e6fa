using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Letters;

/// <summary>A template naming a field the app does not know stops start-up and fails `validate`, each saying file and line.</summary>
public sealed class LetterTemplateCheckTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>A copy of the repository's workflows/ whose Kazakh invitation asks for {dedline}; returns the folder and the line.</summary>
    private static (string Folder, int Line) WithUnknownField()
    {
        var folder = WorkflowsCopy.Make("wg-templates-"); // with its templates
        var invitation = Path.Combine(folder, "templates", "kz", "invitation.txt");
        var lines = File.ReadAllLines(invitation);
        var line = Array.FindIndex(lines, l => l.Contains("{deadline}"));
        lines[line] = lines[line].Replace("{deadline}", "{dedline}");
        File.WriteAllLines(invitation, lines);
        return (folder, line + 1);
    }

    [Fact]
    public async Task Start_up_stops_on_a_template_naming_an_unknown_field_and_says_file_and_line()
    {
        var (folder, line) = WithUnknownField();
        var data = Directory.CreateTempSubdirectory("wg-data-").FullName;

        var (exit, _, error) = await AppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["Definitions__Folder"] = folder,
            ["Data__Folder"] = data,
        }, Timeout);

        Assert.Equal(2, exit);
        Assert.Contains($"templates/kz/invitation.txt:{line}: {{dedline}}: unknown field {{dedline}}", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(Path.Combine(data, "workinggroups.db")), "no database is created from invalid templates");
    }

    [Fact]
    public async Task Validate_lists_the_template_naming_an_unknown_field_with_file_and_line()
    {
        var (folder, line) = WithUnknownField();
        File.Delete(Path.Combine(folder, "templates", "tj", "reminder.txt"));

        var (exit, _, error) = await AppProcess.RunAsync(["validate", folder], new Dictionary<string, string>(), Timeout);

        Assert.Equal(1, exit);
        var lines = error.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith($"templates/kz/invitation.txt:{line}: {{dedline}}: unknown field {{dedline}}; this letter's fields are {{addressee}}", StringComparison.Ordinal));
        Assert.Contains("templates/tj/reminder.txt: templates: missing: tj-amendment v1 has an invitations step, so TJ needs its reminder letter.", lines);
    }
}
