using System.Text.RegularExpressions;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Postgres;

namespace WorkingGroups.IntegrationTests.Samples;

/// <summary>
/// Every command line the README and the guides give (<c>dotnet run --project src/WorkingGroups.Web -- …</c>) runs as
/// written, in the order a reader meets them, on one data folder: if a verb or an option drifts, this fails. Only what
/// a reader replaces is replaced: the backup's place, and the PostgreSQL connection string's elided parts.
/// </summary>
public sealed partial class DocumentedCommandsTests : IDisposable
{
    private readonly PostgresDatabases _databases = new();

    [SkippableFact]
    public async Task Every_documented_command_runs_as_written_and_succeeds()
    {
        var postgres = _databases.Create();
        var data = Directory.CreateTempSubdirectory("wg-documented-").FullName;
        var safePlace = Directory.CreateTempSubdirectory("wg-safe-place-").FullName;
        var commands = Documented().ToList();
        Assert.True(commands.Count >= 6, $"only {commands.Count} documented commands found: {string.Join("; ", commands.Select(c => c.Line))}");

        var environment = new Dictionary<string, string> { ["Data__Folder"] = data, ["Samples__Load"] = "false" };
        foreach (var (document, line) in commands)
        {
            var args = Words(line).Select(word => word switch
            {
                _ when word.StartsWith("/safe/place/", StringComparison.Ordinal) => Path.Combine(safePlace, Path.GetFileName(word)),
                _ when word.StartsWith("Host=...", StringComparison.Ordinal) => postgres,
                _ => word,
            }).ToArray();
            if (args[0].StartsWith("--", StringComparison.Ordinal))
            {
                // Options alone start the app: it must come up and answer.
                await using var app = await RunningApp.StartAsync(data, TimeSpan.FromSeconds(120), new Dictionary<string, string>(), args);
                continue;
            }
            var (exit, output, error) = await AppProcess.RunAsync(args, environment, TimeSpan.FromSeconds(120), AppProcess.RepositoryRoot());
            Assert.True(exit == 0, $"{document}: `{line}` exited {exit}:\n{output}\n{error}");
        }
        Assert.Contains(commands, c => c.Line.StartsWith("restore", StringComparison.Ordinal)); // the backup came back
        Assert.True(File.Exists(Path.Combine(data, "workinggroups.db")));
    }

    public void Dispose() => _databases.Dispose();

    /// <summary>The README first, then the guides in the README's order of links.</summary>
    private static IEnumerable<(string Document, string Line)> Documented()
    {
        var root = AppProcess.RepositoryRoot();
        var guides = new[] { "operations", "using", "api", "reminders", "configuration", "development", "benchmarks" }
            .Select(name => Path.Combine("docs", "guide", name + ".md"));
        foreach (var document in guides.Prepend("README.md"))
        {
            var path = Path.Combine(root, document);
            if (!File.Exists(path)) continue;
            foreach (Match m in Command().Matches(File.ReadAllText(path)))
                yield return (document, m.Groups["args"].Value.Trim());
        }
    }

    /// <summary>Words as a shell splits them: quotes keep spaces and semicolons; a trailing # comment is not an argument.</summary>
    private static IEnumerable<string> Words(string line) =>
        Word().Matches(line).Select(m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["bare"].Value)
            .TakeWhile(w => w != "#");

    [GeneratedRegex(@"dotnet run --project src/WorkingGroups\.Web -- (?<args>[^`\n]+)")]
    private static partial Regex Command();

    [GeneratedRegex(@"""(?<quoted>[^""]*)""|'(?<quoted>[^']*)'|(?<bare>[^\s""']+)")]
    private static partial Regex Word();
}
