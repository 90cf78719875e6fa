using System.Text.Json.Nodes;

namespace WorkingGroups.IntegrationTests.Hosting;

/// <summary>A copy of the repository's definition files in a temporary folder, for a test that needs them changed.</summary>
internal static class WorkflowsCopy
{
    public static string Make(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        // The whole folder, as an operator copies it: definitions, their templates/ and calendars/.
        var workflows = Path.Combine(AppProcess.RepositoryRoot(), "workflows");
        foreach (var file in Directory.GetFiles(workflows, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(workflows, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return folder;
    }

    /// <summary>Kazakhstan's definitions with the Department of liquidation of emergency situations writing Kazakh, and Russian beneath.</summary>
    public static string WithKazakhAndRussianBody(string prefix)
    {
        var folder = Make(prefix);
        var establishment = Path.Combine(folder, "kz-establishment.v1.json");
        var json = JsonNode.Parse(File.ReadAllText(establishment))!;
        var body = json["bodies"]!.AsArray().Single(b => (string?)b!["id"] == "dles-mes")!;
        (body["language"], body["alsoIn"]) = ("kk", "ru");
        File.WriteAllText(establishment, json.ToJsonString());
        return folder;
    }
}
