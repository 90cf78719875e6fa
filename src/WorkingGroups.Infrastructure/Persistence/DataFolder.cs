using Microsoft.Extensions.Configuration;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// The folder of the SQLite database and the logs: <c>Data:Folder</c>, default ./data, created if missing and
/// readable by the app's user only (<see cref="OwnerOnlyFiles"/>).
/// </summary>
public static class DataFolder
{
    public const string ConfigurationKey = "Data:Folder";

    public static string Resolve(IConfiguration configuration)
    {
        var folder = Path.GetFullPath(configuration[ConfigurationKey] is { Length: > 0 } configured ? configured : "data");
        OwnerOnlyFiles.Protect(folder);
        return folder;
    }

    public static string DatabaseFile(IConfiguration configuration) => Path.Combine(Resolve(configuration), "workinggroups.db");
}
