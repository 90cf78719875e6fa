using Microsoft.Extensions.Configuration;
using WorkingGroups.Infrastructure.Settings;

namespace WorkingGroups.Infrastructure.Samples;

/// <summary>
/// <c>Samples:Load</c> (default true) turns the samples on: the sample definitions join the catalog, and the sample
/// histories are played into an empty database. <c>Samples:Folder</c> says where they are, else the repository's samples/.
/// </summary>
public static class SamplesSettings
{
    public const string LoadKey = "Samples:Load";
    public const string FolderKey = "Samples:Folder";
    public const string HistoriesFolderName = "histories";

    public static bool Load(IConfiguration configuration) => SettingsReader.Use(configuration, Load);

    public static bool Load(SettingsReader read) => read.Switch(LoadKey, fallback: true);

    /// <summary>The samples folder, or null when none is configured and none is found (a published app may ship without one).</summary>
    public static string? Folder(IConfiguration configuration)
    {
        var configured = configuration[FolderKey];
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        return Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory);
    }

    /// <summary>The nearest samples/ folder holding histories/, looking upwards from a start folder.</summary>
    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (Directory.Exists(Path.Combine(candidate, HistoriesFolderName))) return candidate;
        }
        return null;
    }
}
