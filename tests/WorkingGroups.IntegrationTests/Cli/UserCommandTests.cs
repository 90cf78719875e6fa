using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Cli;

/// <summary>`user add` and `token create` as an administrator types them, on the data folder the app then serves.</summary>
public sealed class UserCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _data = Directory.CreateTempSubdirectory("wg-cli-").FullName;

    private Task<(int ExitCode, string Output, string Error)> Run(params string[] args) =>
        AppProcess.RunAsync(args, new Dictionary<string, string> { ["Data__Folder"] = _data }, Timeout);

    [Fact]
    public async Task User_add_without_a_password_prints_a_one_time_password()
    {
        var (exit, output, error) = await Run("user", "add", "--email", "coord@example.org", "--role", "coordinator", "--country", "kz");
        Assert.True(exit == 0, error);
        Assert.Contains("Added coord@example.org (Coordinator, KZ).", output);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("One-time password", StringComparison.Ordinal));
        var password = line[(line.LastIndexOf(' ') + 1)..].Trim();
        Assert.True(password.Length >= 10, line);
        Assert.DoesNotContain(password, Logged()); // shown to the administrator, never written to the log
    }

    [Fact]
    public async Task User_add_with_a_password_prints_no_password()
    {
        var (exit, output, error) = await Run("user", "add", "--email", "reviewer@example.org", "--role", "Observer", "--password", "Long-enough-1");
        Assert.True(exit == 0, error);
        Assert.Contains("Added reviewer@example.org (Observer).", output);
        Assert.DoesNotContain("password", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Long-enough-1", output + error);
        Assert.DoesNotContain("Long-enough-1", Logged());
    }

    [Theory]
    [InlineData("Role \"Chair\" is not one of: Admin, Coordinator, Observer.", "user", "add", "--email", "a@example.org", "--role", "Chair")]
    [InlineData("A Coordinator needs --country", "user", "add", "--email", "a@example.org", "--role", "Coordinator")]
    [InlineData("Country \"Kazakhstan\" is not a two-letter ISO code", "user", "add", "--email", "a@example.org", "--role", "Coordinator", "--country", "Kazakhstan")]
    [InlineData("Language \"de\" is not one of: en, ru, kk, tg.", "user", "add", "--email", "a@example.org", "--role", "Observer", "--language", "de")]
    [InlineData("Unknown argument \"--colour\".", "user", "add", "--email", "a@example.org", "--colour", "blue")]
    [InlineData("Unknown argument \"--days\".", "user", "add", "--email", "a@example.org", "--role", "Observer", "--days", "3")]
    [InlineData("--role needs a value.", "user", "add", "--email", "a@example.org", "--role")]
    [InlineData("--role is required.", "user", "add", "--email", "a@example.org")]
    [InlineData("There is no user with e-mail nobody@example.org.", "token", "create", "--email", "nobody@example.org")]
    [InlineData("Unknown command \"user delete\".", "user", "delete", "--email", "a@example.org")]
    public async Task A_mistake_is_refused_with_a_clear_message_and_a_non_zero_exit(string message, params string[] args)
    {
        var (exit, output, error) = await Run(args);
        Assert.True(exit != 0, $"exit 0 for {string.Join(' ', args)}: {output}");
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error); // no stack trace
        Assert.DoesNotContain("Added", output);
    }

    [Fact]
    public async Task A_second_user_with_the_same_e_mail_is_refused_and_the_first_is_kept()
    {
        Assert.Equal(0, (await Run("user", "add", "--email", "dup@example.org", "--role", "Coordinator", "--country", "KZ", "--password", "Long-enough-1")).ExitCode);
        var (exit, _, error) = await Run("user", "add", "--email", "dup@example.org", "--role", "Admin", "--password", "Other-enough-2");
        Assert.NotEqual(0, exit);
        Assert.Contains("A user with e-mail dup@example.org already exists.", error);

        // The first user is unchanged: still a Kazakhstan coordinator, not an admin.
        var token = TokenFrom(await Run("token", "create", "--email", "dup@example.org"));
        await using var app = await RunningApp.StartAsync(_data, Timeout);
        var me = await app.Client(token).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(["Coordinator"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_created_token_signs_the_user_in_to_the_running_app_and_never_reaches_the_log()
    {
        Assert.Equal(0, (await Run("user", "add", "--email", "kz.coord@example.org", "--role", "Coordinator", "--country", "KZ")).ExitCode);
        var created = await Run("token", "create", "--email", "kz.coord@example.org", "--name", "script", "--days", "90");
        var token = TokenFrom(created);
        Assert.Single(created.Output.Split(token).Skip(1)); // printed once

        await using var app = await RunningApp.StartAsync(_data, Timeout);
        var me = await app.Client(token).GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("kz.coord@example.org", me.GetProperty("email").GetString());
        Assert.Equal(["Coordinator"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("KZ", me.GetProperty("country").GetString());
        Assert.Equal("script", me.GetProperty("token").GetString());

        // The token works for writes too: the coordinator starts a Kazakhstan process.
        var started = await app.Client(token).PostAsJsonAsync("/api/v1/processes", new { definitionId = "kz-establishment", startedOn = "2025-09-01" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);

        var wrong = "wg_" + new string('A', 43);
        foreach (var presented in new[] { wrong, token[..^1], "not-a-token" })
        {
            var refused = await app.Client(presented).GetAsync("/api/v1/me");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(401, problem.GetProperty("status").GetInt32());
        }
        var anonymous = await app.Client(null).GetAsync("/api/v1/processes");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var logged = Logged();
        Assert.Contains("/api/v1/me", logged); // the requests were logged...
        Assert.DoesNotContain(token, logged);  // ...but not the secret, nor the part a prefix search would find
        Assert.DoesNotContain(token[..20], logged);
        Assert.DoesNotContain(wrong, logged);
    }

    [Fact]
    public async Task Token_create_refuses_a_days_value_that_is_not_a_positive_whole_number()
    {
        Assert.Equal(0, (await Run("user", "add", "--email", "obs@example.org", "--role", "Observer", "--password", "Long-enough-1")).ExitCode);
        foreach (var days in new[] { "0", "-3", "ninety" })
        {
            var (exit, output, error) = await Run("token", "create", "--email", "obs@example.org", "--days", days);
            Assert.NotEqual(0, exit);
            Assert.Contains("--days", error);
            Assert.DoesNotContain("wg_", output);
        }
    }

    [Fact]
    public async Task Token_revoke_shuts_out_a_leaked_token_at_once_and_leaves_the_others_working()
    {
        Assert.Equal(0, (await Run("user", "add", "--email", "kz.coord@example.org", "--role", "Coordinator", "--country", "KZ")).ExitCode);
        var leaked = TokenFrom(await Run("token", "create", "--email", "kz.coord@example.org", "--name", "laptop"));
        var kept = TokenFrom(await Run("token", "create", "--email", "kz.coord@example.org", "--name", "script"));
        await using var app = await RunningApp.StartAsync(_data, Timeout);
        Assert.Equal(HttpStatusCode.OK, (await app.Client(leaked).GetAsync("/api/v1/me")).StatusCode);

        // While the app runs, as an administrator would on learning of the leak.
        var (exit, output, error) = await Run("token", "revoke", "--email", "kz.coord@example.org", "--name", "laptop");
        Assert.True(exit == 0, error);
        Assert.Contains("Revoked 1 token of kz.coord@example.org.", output);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(leaked).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client(kept).GetAsync("/api/v1/me")).StatusCode);

        var listed = await Run("token", "list", "--email", "kz.coord@example.org");
        Assert.Matches(@"laptop\tcreated \d{4}-\d\d-\d\d \d\d:\d\d UTC\trevoked ", listed.Output);
        Assert.Matches(@"script\tcreated .*\tdoes not expire", listed.Output);
        Assert.DoesNotContain("wg_", listed.Output); // only hashes are kept: nothing to show

        // Revoking again finds nothing live, says so, and fails.
        var again = await Run("token", "revoke", "--email", "kz.coord@example.org", "--name", "laptop");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("no live token named \"laptop\"", again.Error);
    }

    private static string TokenFrom((int ExitCode, string Output, string Error) run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        var line = Assert.Single(run.Output.Split('\n'), l => l.StartsWith("wg_", StringComparison.Ordinal));
        return line.Trim();
    }

    private string Logged() => LogFiles.ReadAll(_data);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
