using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WorkingGroups.IntegrationTests.Hosting;

/// <summary>The real app on a real SQLite file in a fresh temporary data folder, deleted afterwards.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new();

    private bool _keepData;

    /// <summary>A host on a given data folder; <paramref name="keepData"/> leaves the folder for a second host (a restart).</summary>
    public static AppFactory On(string dataFolder, bool keepData) => new() { DataFolder = dataFolder, _keepData = keepData };

    public string DataFolder { get; private init; } = Directory.CreateTempSubdirectory("wg-data-").FullName;

    public AppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Data:Folder", DataFolder);
        builder.UseSetting("Samples:Load", "false"); // an empty database unless a test opts in with With("Samples:Load", "true")
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !_keepData)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { /* a log file may still be closing */ }
        }
    }
}
