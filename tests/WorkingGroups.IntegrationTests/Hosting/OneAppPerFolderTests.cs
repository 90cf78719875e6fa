namespace WorkingGroups.IntegrationTests.Hosting;

/// <summary>
/// One app process per data folder, as an operator meets it: a second start on a live folder, or a typo in a verb,
/// never becomes a second server that releases the first one's mail claims and writes into its log.
/// </summary>
public sealed class OneAppPerFolderTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly string _folder = Directory.CreateTempSubdirectory("wg-one-app-").FullName;

    private Dictionary<string, string> Environment => new() { ["Data__Folder"] = _folder, ["Samples__Load"] = "false" };

    [Fact]
    public async Task A_second_start_on_a_live_folder_exits_with_one_line_naming_the_holder()
    {
        await using var app = await RunningApp.StartAsync(_folder, Timeout, "--no-samples");

        // A second server would never exit: the timeout is the failure.
        var second = await AppProcess.RunAsync([], Environment, Timeout);

        Assert.Equal(1, second.ExitCode);
        Assert.DoesNotContain("Now listening", second.Output + second.Error);
        var line = Assert.Single(Lines(second.Error));
        Assert.Contains($"is in use by pid {app.ProcessId} (the app)", line);
        Assert.Matches(@"^.+ is in use by pid \d+ \(the app\), started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: run one app process per data folder", line);
        using var client = app.Client(null);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData("usr", "add")]
    [InlineData("bakcup", "x")]
    [InlineData("users", "list")]
    public async Task A_mistyped_verb_exits_2_naming_it_and_touches_nothing(string verb, string argument)
    {
        var run = await AppProcess.RunAsync([verb, argument], Environment, Timeout);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(Lines(run.Error));
        Assert.StartsWith($"Unknown command \"{verb}\"; the commands are validate, user, token, backup, restore, migrate", line);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Token_list_and_user_add_run_beside_the_app()
    {
        await using var app = await RunningApp.StartAsync(_folder, Timeout, "--no-samples");

        var added = await AppProcess.RunAsync(["user", "add", "--email", "beside@example.org", "--role", "Observer"], Environment, Timeout);
        Assert.True(added.ExitCode == 0, added.Error + added.Output);
        var listed = await AppProcess.RunAsync(["token", "list", "--email", "beside@example.org"], Environment, Timeout);
        Assert.True(listed.ExitCode == 0, listed.Error + listed.Output);
        Assert.Contains("No tokens.", listed.Output);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* the app's log may still be closing */ }
    }
}
