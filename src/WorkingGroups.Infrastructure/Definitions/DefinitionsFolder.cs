using Microsoft.Extensions.Configuration;

namespace WorkingGroups.Infrastructure.Definitions;

/// <summary>Where the definition files are: <c>Definitions:Folder</c>, else the repository's workflows/ wherever the app is started from.</summary>
internal static class DefinitionsFolder
{
    public const string ConfigurationKey = "Definitions:Folder";

    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        return Repository();
    }

    /// <summary>The repository's workflows/ folder, found from where the app is started or from the program's folder.</summary>
    public static string Repository() =>
        Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory) ?? Path.Combine(AppContext.BaseDirectory, "workflows");

    /// <summary>The nearest workflows/ folder holding the schema, looking upwards from a start folder.</summary>
    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (File.Exists(Path.Combine(candidate, "definition.schema.json"))) return candidate;
        }
        return null;
    }
}
