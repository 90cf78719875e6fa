using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Security;

/// <summary>
/// What the app writes (the data folder, the database and its journal, the logs, the keys, a backup) is readable by
/// the app's own user only: another account on the server reads none of the coordinators' records.
/// </summary>
public sealed class FileModeTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("wg-modes-").FullName;
    private readonly string _backups = Directory.CreateTempSubdirectory("wg-modes-backup-").FullName;

    private const UnixFileMode OthersAndGroup =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    [Fact]
    public async Task Every_file_the_app_writes_is_its_users_alone()
    {
        if (OperatingSystem.IsWindows()) return; // Windows keeps access in ACLs, not in these bits
        Directory.Delete(_data); // the app makes its folder itself
        await using (var app = await RunningApp.StartAsync(_data, TimeSpan.FromSeconds(90)))
        {
            Assert.True((await app.Client(null).GetAsync("/health")).IsSuccessStatusCode);
        }
        var backup = Path.Combine(_backups, "wg.db");
        var run = await AppProcess.RunAsync(["backup", backup], new Dictionary<string, string> { ["Data__Folder"] = _data }, TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, run.Error + run.Output);

        var written = Directory.EnumerateFileSystemEntries(_data, "*", SearchOption.AllDirectories).Append(_data).Append(backup).ToList();
        Assert.Contains(written, f => f.EndsWith("workinggroups.db", StringComparison.Ordinal));
        Assert.Contains(written, f => f.Contains($"{Path.DirectorySeparatorChar}logs", StringComparison.Ordinal));
        Assert.All(written, f => Assert.True((ModeOf(f) & OthersAndGroup) == 0, $"{f} is {ModeOf(f)}: others may read it"));
    }

    private static UnixFileMode ModeOf(string path) => OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(path);

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        try { Directory.Delete(_backups, recursive: true); } catch (IOException) { }
    }
}
