namespace WorkingGroups.Core.Definitions;

/// <summary>All definitions of a folder and every mistake found in any of its files.</summary>
public sealed record DefinitionLoadResult(IReadOnlyList<ProcessDefinition> Definitions, IReadOnlyList<DefinitionError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Loads every definition file of a folder (the JSON Schema beside them is skipped: the loader has its own copy built in).</summary>
public static class DefinitionLoader
{
    public const string SchemaFileSuffix = ".schema.json";

    // A definition is a page or two of JSON; anything far larger is a mistake, not a definition.
    private const long MaxFileBytes = 1024 * 1024;

    /// <param name="languages">The languages the app has texts for (see <see cref="DefinitionParser.Parse"/>).</param>
    public static DefinitionLoadResult LoadFolder(string folder, IReadOnlyCollection<string>? languages = null)
    {
        if (!Directory.Exists(folder))
        {
            return new([], [new DefinitionError(folder, 0, "$", "the definitions folder does not exist.")]);
        }
        var files = Directory.GetFiles(folder, "*.json")
            .Where(f => !f.EndsWith(SchemaFileSuffix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var errors = new List<DefinitionError>();
        var definitions = new List<ProcessDefinition>();
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                errors.Add(new DefinitionError(name, 0, "$", $"the file is larger than {MaxFileBytes / 1024} KiB; a definition is far smaller."));
                continue;
            }
            if (DefinitionParser.Parse(name, File.ReadAllText(path), errors, languages) is { } definition) definitions.Add(definition);
        }
        if (files.Count == 0)
        {
            errors.Add(new DefinitionError(folder, 0, "$", "the definitions folder holds no definition file (*.json)."));
        }
        return new(Deduplicate(definitions, errors), errors);
    }

    /// <summary>A published version is immutable: the same id and version twice must be the same content.</summary>
    private static List<ProcessDefinition> Deduplicate(List<ProcessDefinition> definitions, List<DefinitionError> errors)
    {
        var result = new List<ProcessDefinition>();
        foreach (var group in definitions.GroupBy(d => (d.Id, d.Version)))
        {
            var first = group.First();
            foreach (var other in group.Skip(1).Where(o => o.ContentHash != first.ContentHash))
            {
                errors.Add(new DefinitionError(other.File, 1, "$.version",
                    $"\"{other.Id}\" version {other.Version} is also defined in {first.File} with different content; a published version never changes: give the new content a new version number."));
            }
            result.Add(first);
        }
        return result;
    }
}
