using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Postgres;

/// <summary>A wrong <c>Database</c> setting stops the app with one line that names it, before anything is touched.</summary>
public sealed class DatabaseSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wg-settings-").FullName;

    [Theory]
    [InlineData("Oracle", "", "Database:Provider is \"Oracle\"; it must be Sqlite or Postgres.")]
    [InlineData("Postgres", "", "Database:ConnectionString is empty")]
    [InlineData("Postgres", "Host=db.example.org;Password=s3cret-pw;Colour=blue", "Database:ConnectionString is not one PostgreSQL's driver can read: Couldn't set colour")]
    public async Task A_wrong_database_setting_is_one_readable_line_and_exit_code_2(string provider, string connectionString, string message)
    {
        var environment = new Dictionary<string, string>
        {
            ["Data__Folder"] = _folder,
            ["Samples__Load"] = "false",
            ["Database__Provider"] = provider,
            ["Database__ConnectionString"] = connectionString,
        };

        var run = await AppProcess.RunAsync([], environment, TimeSpan.FromSeconds(60));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("   at ", run.Error + run.Output); // no stack trace
        Assert.DoesNotContain("s3cret-pw", run.Error + run.Output);
        Assert.False(File.Exists(Path.Combine(_folder, "workinggroups.db")));
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a log file may still be closing */ }
    }
}
