using WorkingGroups.Core.Definitions;

namespace WorkingGroups.UnitTests.Definitions;

/// <summary>Writes definition texts into a fresh temporary folder and loads it as the app does.</summary>
internal sealed class DefinitionFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("wg-defs-").FullName;

    public DefinitionFiles Add(string fileName, string text)
    {
        File.WriteAllText(Path.Combine(Folder, fileName), text);
        return this;
    }

    public DefinitionLoadResult Load() => DefinitionLoader.LoadFolder(Folder, Languages);

    /// <summary>The languages the app has text files for, as it finds them (English, Russian, then the rest).</summary>
    public static readonly IReadOnlyList<string> Languages = Directory
        .GetFiles(Path.Combine(Path.GetDirectoryName(RepositoryDefinitionsTests.WorkflowsFolder())!, "src", "WorkingGroups.Infrastructure", "Resources", "Text"), "*.json")
        .Select(f => Path.GetFileNameWithoutExtension(f)!).OrderBy(l => l switch { "en" => 0, "ru" => 1, _ => 2 }).ThenBy(l => l, StringComparer.Ordinal).ToList();

    /// <summary>The 1-based line of the first line containing the fragment, so tests name lines by content.</summary>
    public static int LineOf(string text, string fragment)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(fragment, StringComparison.Ordinal));
        Assert.True(index >= 0, $"fragment not found: {fragment}");
        return index + 1;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>A small valid definition: two parallel steps joined by a third, and an invitations step.</summary>
    public const string Valid = """
        {
          "$schema": "./definition.schema.json",
          "schemaVersion": 1,
          "id": "xx-establishment",
          "version": 1,
          "country": "XX",
          "kind": "establishment",
          "title": { "en": "Test group", "ru": "Тестовая группа" },
          "leadBody": "lead",
          "benchmark": { "days": 60, "assumption": false, "source": "a test" },
          "bodies": [
            { "id": "lead", "name": { "en": "Lead body", "ru": "Ведущий орган" }, "kind": "committee", "roles": ["chair", "member"] },
            { "id": "water", "name": { "en": "Water body", "ru": "Водный орган" }, "kind": "agency", "roles": ["member"] },
            { "id": "gov", "name": { "en": "Government", "ru": "Правительство" }, "kind": "government", "roles": [] }
          ],
          "steps": [
            { "id": "draft", "title": { "en": "Draft", "ru": "Проект" }, "kind": "task", "owner": "lead", "after": [],
              "benchmark": { "days": 10, "assumption": true } },
            { "id": "letter", "title": { "en": "Letter", "ru": "Письмо" }, "kind": "letter", "owner": "lead", "after": [],
              "benchmark": { "days": 10, "assumption": true } },
            { "id": "invite", "title": { "en": "Invite", "ru": "Приглашения" }, "kind": "invitations", "owner": "lead",
              "after": ["draft", "letter"], "invitees": ["water"], "benchmark": { "days": 20, "assumption": true } },
            { "id": "approve", "title": { "en": "Approve", "ru": "Утвердить" }, "kind": "approval", "owner": "gov",
              "after": ["invite"], "benchmark": { "days": 30, "assumption": true } }
          ]
        }
        """;
}
