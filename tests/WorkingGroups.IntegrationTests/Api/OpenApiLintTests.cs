using System.Diagnostics;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Api;

/// <summary>
/// The document the app serves, checked by a linter that is not ours (Redocly CLI, recommended rules, the repository's
/// redocly.yaml), so that "a client can be generated from it" is not only our own tests' opinion.
/// </summary>
public sealed class OpenApiLintTests : IClassFixture<AppFactory>
{
    /// <summary>Warnings looked at and kept, each with why; any other warning fails like an error.</summary>
    private static readonly Dictionary<(string Rule, string Pointer), string> Accepted = new()
    {
        [("operation-4xx-response", "#/paths/~1api~1v1~1definitions/get/responses")] =
            "the list of definitions needs no sign-in and takes no input: there is no 4xx to declare",
        [("no-server-example.com", "#/servers/0/url")] =
            "the test host is http://localhost; a deployed app's document names the host it is reached at",
    };

    private readonly AppFactory _factory;

    public OpenApiLintTests(AppFactory factory) => _factory = factory;

    [SkippableFact]
    public async Task The_served_document_passes_redocly_lint()
    {
        var redocly = Redocly.Require();
        var client = await _factory.ClientFor("Observer");
        var folder = Directory.CreateTempSubdirectory("wg-openapi-lint-").FullName;
        try
        {
            var document = Path.Combine(folder, "openapi.json");
            await File.WriteAllTextAsync(document, await client.GetStringAsync("/openapi/v1.json"));
            var config = Path.Combine(AppProcess.RepositoryRoot(), "redocly.yaml");

            var (exitCode, output, errors) = await Redocly.RunAsync(redocly, folder, "lint", document, "--config", config, "--format", "json", "--max-problems", "1000");

            Assert.True(output.TrimStart().StartsWith('{'), $"redocly lint (exit {exitCode}) wrote no report:\n{output}\n{errors}");
            var problems = JsonDocument.Parse(output).RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => (Severity: p.GetProperty("severity").GetString()!, Rule: p.GetProperty("ruleId").GetString()!,
                    Pointer: p.GetProperty("location")[0].GetProperty("pointer").GetString()!, Message: p.GetProperty("message").GetString()!))
                .Where(p => !(p.Severity == "warn" && Accepted.ContainsKey((p.Rule, p.Pointer))))
                .ToList();
            Assert.True(problems.Count == 0 && exitCode == 0,
                $"redocly lint (exit {exitCode}) reports:\n" + string.Join('\n', problems.Select(p => $"{p.Severity} {p.Rule} {p.Pointer}: {p.Message}")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>
/// Finds Redocly's CLI: <c>WORKINGGROUPS_TEST_REDOCLY</c> (the path of its <c>redocly</c> executable, as .ci/run sets it),
/// else <c>redocly</c> on the PATH. Without one the lint is skipped with a message saying how to get it, unless
/// <c>WORKINGGROUPS_TEST_LINT_REQUIRED=1</c> (set by .ci/run), where a missing linter fails the test.
/// </summary>
public static class Redocly
{
    public const string PathVariable = "WORKINGGROUPS_TEST_REDOCLY";
    public const string RequiredVariable = "WORKINGGROUPS_TEST_LINT_REQUIRED";

    public static string Require()
    {
        if (Find() is { } found) return found;
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
            throw new InvalidOperationException($"{RequiredVariable}=1 but no Redocly CLI was found ({PathVariable} unset and no redocly on the PATH).");
        Skip.If(true, $"No Redocly CLI: `npm install --prefix <folder> @redocly/cli@2.77.0` and set {PathVariable}=<folder>/node_modules/.bin/redocly; .ci/run does.");
        return null!; // not reached
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
            return File.Exists(configured) ? configured
                : throw new InvalidOperationException($"{PathVariable}={configured}, but there is no such file.");
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redocly")).FirstOrDefault(File.Exists);
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string redocly, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(redocly) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Nothing leaves the machine: no usage report, no check for a newer version.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("redocly did not finish within 2 minutes.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
