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
        if (disposing) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // closes the file as a stopped process would
        if (disposing && _keepData) AwaitLockReleased();
        if (disposing && !_keepData)
        {
            try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { /* a log file may still be closing */ }
        }
    }

    /// <summary>
    /// The entry point and the factory both stop the host, on different threads: a restart waits, as a real one would,
    /// until the stopped app has let go of the data folder, or the next start refuses it as in use.
    /// </summary>
    private void AwaitLockReleased()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var probe = WorkingGroups.Web.Hosting.DataFolderLock.Take(DataFolder, "a test waiting for a restart");
            if (probe.IsHeld || DateTime.UtcNow > deadline) return;
            Thread.Sleep(50);
        }
    }
}
