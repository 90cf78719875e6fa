using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Postgres;

/// <summary>
/// `migrate --to` on a SQLite data folder full of samples: the app on PostgreSQL then shows the same processes,
/// reminders and groups, accepts the same token, and carries on where the engine stopped. A second move is refused.
/// </summary>
public sealed class MigrateCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly PostgresDatabases _databases = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("wg-migrate-").FullName;

    [SkippableFact]
    public async Task A_sqlite_folder_moves_to_postgres_whole_and_the_work_carries_on()
    {
        var database = _databases.Create();
        string token;
        Dictionary<string, string> before;
        using (var sqlite = AppFactory.On(_folder, keepData: true).With("Samples:Load", "true"))
        {
            token = await sqlite.TokenFor("Admin");
            // What is due today is recorded before the snapshot, not by the start-up sweep at some moment during it.
            await (await Client(sqlite, token).PostAsync("/api/v1/admin/reminders/sweep", null)).Json(System.Net.HttpStatusCode.OK);
            before = await SnapshotAsync(Client(sqlite, token));
        }
        Assert.True(before.Count > 5, "the samples should give something to compare");

        var environment = new Dictionary<string, string> { ["Data__Folder"] = _folder };
        var moved = await AppProcess.RunAsync(["migrate", "--to", database], environment, Timeout);
        Assert.True(moved.ExitCode == 0, moved.Error + moved.Output);
        Assert.Contains("Copied", moved.Output);

        var again = await AppProcess.RunAsync(["migrate", "--to", database], environment, Timeout);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already holds data", again.Error);

        using var postgres = PostgresAppFactory.On(database);
        var client = Client(postgres, token); // the token moved with its user
        var after = await SnapshotAsync(client);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, json) in before) Assert.True(json == after[path], $"{path} differs after the move:\n{json}\n{after[path]}");

        // The engine's state moved too: the process in progress goes on to its next step.
        var processes = await client.GetFromJsonAsync<JsonElement>("/api/v1/processes");
        var active = Items(processes).First(p => p.Status() == "active");
        var process = await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(active)}");
        var step = process.ActiveSteps()[0];
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        var next = process;
        if (process.Step(step).GetProperty("kind").GetString() == "invitations")
        {
            var pending = process.Step(step).GetProperty("invitations").EnumerateArray().Where(i => i.Status() == "pending")
                .Select(i => i.GetProperty("bodyId").GetString()!).ToList();
            foreach (var body in pending) next = await client.Accept(next, step, body, today);
        }
        else
        {
            next = await client.Complete(process, step, today, "MIG-1");
        }
        Assert.Equal("done", next.Step(step).Status());
        Assert.DoesNotContain(step, next.ActiveSteps());
    }

    [Fact]
    public async Task The_commands_say_what_is_wrong_without_touching_anything()
    {
        var environment = new Dictionary<string, string> { ["Data__Folder"] = _folder };
        var usage = await AppProcess.RunAsync(["migrate"], environment, Timeout);
        Assert.Equal(64, usage.ExitCode);
        Assert.Contains("migrate --to", usage.Error);

        var nothing = await AppProcess.RunAsync(["migrate", "--to", "Host=127.0.0.1;Port=1;Database=none"], environment, Timeout);
        Assert.Equal(1, nothing.ExitCode);
        Assert.Contains("There is no SQLite database", nothing.Error);

        // A connection string the driver cannot read is named as such, without echoing its password.
        foreach (var malformed in new[] { "Host=127.0.0.1;Password=s3cret-pw;Colour=blue", "Host=127.0.0.1;Port=five;Password=s3cret-pw", "just words" })
        {
            var refused = await AppProcess.RunAsync(["migrate", "--to", malformed], environment, Timeout);
            Assert.Equal(64, refused.ExitCode);
            Assert.Contains("The connection string after --to is not one PostgreSQL's driver can read", refused.Error);
            Assert.DoesNotContain("s3cret-pw", refused.Error + refused.Output);
            Assert.DoesNotContain("   at ", refused.Error);
        }

        environment["Database__Provider"] = "Postgres";
        environment["Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none";
        var backup = await AppProcess.RunAsync(["backup", Path.Combine(_folder, "copy.db")], environment, Timeout);
        Assert.Equal(1, backup.ExitCode);
        Assert.Contains("pg_dump", backup.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "copy.db")));
    }

    /// <summary>What a reviewer sees through the API: the processes with their steps and reminders, and the groups.</summary>
    private static async Task<Dictionary<string, string>> SnapshotAsync(HttpClient client)
    {
        var snapshot = new Dictionary<string, string>();
        async Task<JsonElement> Take(string path)
        {
            var text = await client.GetStringAsync(path);
            snapshot[path] = AsMoved(text);
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        foreach (var process in Items(await Take("/api/v1/processes")))
        {
            await Take($"/api/v1/processes/{ProcessApi.Id(process)}");
            await Take($"/api/v1/processes/{ProcessApi.Id(process)}/reminders");
            await Take($"/api/v1/processes/{ProcessApi.Id(process)}/audit");
        }
        foreach (var group in Items(await Take("/api/v1/groups"))) await Take($"/api/v1/groups/{group.GetProperty("id")}");
        await Take("/api/v1/dashboards/portfolio");
        return snapshot;
    }

    /// <summary>
    /// A reading as the move documents it: PostgreSQL keeps a timestamp to the microsecond, SQLite to the tick (a tenth
    /// of one), and a reminder that a job had claimed is due again (its job stayed in the old store).
    /// </summary>
    private static string AsMoved(string json) =>
        Regex.Replace(json, @"(T\d\d:\d\d:\d\d)\.(\d{1,7})Z", m => $"{m.Groups[1].Value}.{m.Groups[2].Value.PadRight(7, '0')[..6]}Z")
            .Replace("\"status\":\"scheduled\"", "\"status\":\"due\"").Replace("\"status\":\"sending\"", "\"status\":\"due\"");

    private static IEnumerable<JsonElement> Items(JsonElement list) =>
        (list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("items")).EnumerateArray();

    private static HttpClient Client(AppFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void Dispose()
    {
        _databases.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a log file may still be closing */ }
    }
}
