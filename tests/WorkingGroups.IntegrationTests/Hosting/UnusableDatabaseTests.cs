using Microsoft.Data.Sqlite;

namespace WorkingGroups.IntegrationTests.Hosting;

/// <summary>
/// A database file that is not a WorkingGroups database is refused with one line and left byte for byte as it was:
/// an empty file beside the old keys must not become a new installation with a new Admin. Where there is no file, or
/// a SQLite file with nothing in it yet, one is made.
/// </summary>
public sealed class UnusableDatabaseTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly string _folder = Directory.CreateTempSubdirectory("wg-unusable-").FullName;

    private string Database => Path.Combine(_folder, "workinggroups.db");

    private Dictionary<string, string> Environment => new() { ["Data__Folder"] = _folder, ["Samples__Load"] = "false" };

    [Theory]
    [InlineData("zero bytes", "is empty (0 bytes)")]
    [InlineData("truncated", "is cut short")]
    [InlineData("another app's", "is not a WorkingGroups database")]
    [InlineData("text", "is not a SQLite database")]
    public async Task A_database_that_is_not_ours_stops_the_app_with_one_line_and_is_left_as_it_was(string kind, string says)
    {
        Write(kind);
        var before = await File.ReadAllBytesAsync(Database);

        // A server that started anyway would not exit: the timeout is the failure.
        var run = await AppProcess.RunAsync([], Environment, Timeout);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(Database, line);
        Assert.Contains(says, line);
        Assert.DoesNotContain("Now listening", run.Output);
        Assert.Equal(before, await File.ReadAllBytesAsync(Database));
        Assert.Equal(["workinggroups.db"], Directory.GetFiles(_folder, "workinggroups.db*").Select(Path.GetFileName));
        Assert.False(Directory.Exists(Path.Combine(_folder, "keys")), "no signing key is made for a database that was refused");
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("SQLite with no tables")]
    public async Task A_missing_or_blank_database_is_made_and_used(string kind)
    {
        Write(kind);

        var added = await AppProcess.RunAsync(["user", "add", "--email", "first@example.org", "--role", "Admin"], Environment, Timeout);

        Assert.True(added.ExitCode == 0, added.Error + added.Output);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM AspNetUsers WHERE Email = 'first@example.org'";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    private void Write(string kind)
    {
        switch (kind)
        {
            case "missing":
                break;
            case "zero bytes":
                File.WriteAllBytes(Database, []);
                break;
            case "truncated":
                var real = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Upgrade", "engine-v3.db"));
                File.WriteAllBytes(Database, real[..(real.Length / 2)]);
                break;
            case "text":
                File.WriteAllText(Database, "minutes of the meeting of 12 March\n");
                break;
            default:
                using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Pooling = false }.ToString()))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = kind == "another app's"
                        ? "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('keep me');"
                        : "PRAGMA journal_mode=WAL;"; // writes the header: a SQLite file, with no table yet
                    command.ExecuteNonQuery();
                }
                break;
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a log file may still be closing */ }
    }
}
