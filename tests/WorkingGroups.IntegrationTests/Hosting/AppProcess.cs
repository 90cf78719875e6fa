using System.Diagnostics;

namespace WorkingGroups.IntegrationTests.Hosting;

/// <summary>Runs the built app as a child process, as a user's `dotnet run` would, and captures what it prints.</summary>
public static class AppProcess
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WorkingGroups.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("WorkingGroups.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The app's own build output, in the same configuration as these tests.</summary>
    public static string AppDll()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        return Path.Combine(RepositoryRoot(), "src", "WorkingGroups.Web", "bin", configuration, "net10.0", "WorkingGroups.Web.dll");
    }

    /// <summary>Adds a user on a data folder through the command line (<c>user add</c> with <paramref name="userArgs"/>) and returns a bearer token for them.</summary>
    public static async Task<string> UserWithTokenAsync(string dataFolder, string email, string tokenName, TimeSpan timeout, params string[] userArgs)
    {
        var environment = new Dictionary<string, string> { ["Data__Folder"] = dataFolder };
        var added = await RunAsync(["user", "add", "--email", email, .. userArgs], environment, timeout);
        Assert.True(added.ExitCode == 0, added.Error);
        var created = await RunAsync(["token", "create", "--email", email, "--name", tokenName], environment, timeout);
        Assert.True(created.ExitCode == 0, created.Error);
        return created.Output.Split('\n').Single(l => l.StartsWith("wg_", StringComparison.Ordinal)).Trim();
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string[] args, IDictionary<string, string> environment, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(AppDll());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.WorkingDirectory = workingDirectory ?? Path.GetTempPath();
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the app did not exit within {timeout}: {await output}{await error}");
        }
        return (process.ExitCode, await output, await error);
    }
}
