using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Security;

/// <summary>
/// `backup` while the real app (a child process) serves writes, `restore` into a new folder, the app started on it:
/// every process acknowledged before the backup began is there, whole, and the engine carries it on.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _live = Directory.CreateTempSubdirectory("wg-live-").FullName;
    private readonly string _restored = Directory.CreateTempSubdirectory("wg-restored-").FullName;
    private readonly string _backups = Directory.CreateTempSubdirectory("wg-backups-").FullName;

    [Fact]
    public async Task A_backup_taken_under_writes_restores_every_acknowledged_process()
    {
        var token = await CoordinatorTokenAsync();
        var file = Path.Combine(_backups, "wg.db");
        var acknowledged = new ConcurrentQueue<string>();
        string[] beforeBackup;
        await using (var app = await RunningApp.StartAsync(_live, Timeout, "--no-samples"))
        {
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 3).Select(_ => WriteUntilStoppedAsync(app.Client(token), acknowledged, stop.Token)).ToList();
            while (acknowledged.Count < 6) await Task.Delay(50);

            beforeBackup = acknowledged.ToArray();
            var backup = await Cli(_live, "backup", file);
            Assert.True(backup.ExitCode == 0, backup.Error + backup.Output);
            while (acknowledged.Count < beforeBackup.Length + 3) await Task.Delay(50); // writes went on during and after it

            var refused = await Cli(_live, "restore", file);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("is in use by pid", refused.Error);

            await stop.CancelAsync();
            await Task.WhenAll(writers);
            // The live app was not disturbed by either verb.
            var live = await app.Client(token).GetFromJsonAsync<JsonElement>("/api/v1/processes");
            Assert.Equal(acknowledged.Count, live.GetArrayLength());
        }

        var restore = await Cli(_restored, "restore", file);
        Assert.True(restore.ExitCode == 0, restore.Error + restore.Output);

        await using var restored = await RunningApp.StartAsync(_restored, Timeout, "--no-samples");
        var client = restored.Client(token); // the token is in the restored database
        var ids = (await client.GetFromJsonAsync<JsonElement>("/api/v1/processes")).EnumerateArray().Select(ProcessApi.Id).ToHashSet();
        Assert.Superset(beforeBackup.ToHashSet(), ids);
        Assert.Subset(acknowledged.ToHashSet(), ids); // nothing that was never acknowledged
        foreach (var id in beforeBackup)
        {
            var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}/audit");
            Assert.Equal(1, audit.EnumerateArray().Count(a => a.GetProperty("action").GetString() == "started"));
        }
        var carriedOn = await client.Complete(await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{beforeBackup[0]}"), "start-procedure", "2025-09-08");
        Assert.Contains("draft-order", carriedOn.ActiveSteps());
    }

    [Fact]
    public async Task Restoring_a_file_that_is_not_a_backup_changes_nothing()
    {
        var notABackup = Path.Combine(_backups, "notes.db");
        await File.WriteAllTextAsync(notABackup, "these are not the pages of a database");
        var result = await Cli(_restored, "restore", notABackup);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing was changed", result.Error);
        Assert.False(File.Exists(Path.Combine(_restored, "workinggroups.db")) && new FileInfo(Path.Combine(_restored, "workinggroups.db")).Length > 0);
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file()
    {
        await CoordinatorTokenAsync(); // creates the database
        var file = Path.Combine(_backups, "taken.db");
        await File.WriteAllTextAsync(file, "keep me");
        var result = await Cli(_live, "backup", file);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));
    }

    private static async Task WriteUntilStoppedAsync(HttpClient client, ConcurrentQueue<string> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var response = await client.PostAsJsonAsync("/api/v1/processes", new { definitionId = "kz-establishment", startedOn = "2025-09-01" }, CancellationToken.None);
            if (response.IsSuccessStatusCode) acknowledged.Enqueue(ProcessApi.Id(await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)));
        }
    }

    private static Task<(int ExitCode, string Output, string Error)> Cli(string dataFolder, params string[] args) =>
        AppProcess.RunAsync(args, new Dictionary<string, string> { ["Data__Folder"] = dataFolder }, Timeout);

    private async Task<string> CoordinatorTokenAsync()
    {
        var added = await Cli(_live, "user", "add", "--email", "kz@example.org", "--role", "Coordinator", "--country", "KZ");
        Assert.True(added.ExitCode == 0, added.Error);
        var created = await Cli(_live, "token", "create", "--email", "kz@example.org", "--name", "backup-test");
        Assert.True(created.ExitCode == 0, created.Error);
        return created.Output.Split('\n').Single(l => l.StartsWith("wg_", StringComparison.Ordinal)).Trim();
    }

    public void Dispose()
    {
        foreach (var folder in new[] { _live, _restored, _backups })
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }
}
