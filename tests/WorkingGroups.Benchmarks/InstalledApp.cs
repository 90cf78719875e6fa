using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// The app as an installation runs it (docs/guide/operations.md): published for this platform with ReadyToRun, so that
/// its start does not wait for the JIT to compile EF Core, Identity and Hangfire. Published once per run.
/// </summary>
public static class InstalledApp
{
    private static Task<string>? _dll;

    public static Task<string> DllAsync(Settings settings) => _dll ??= PublishAsync(settings);

    private static async Task<string> PublishAsync(Settings settings)
    {
        var output = settings.NewFolder("installed");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     "publish", Path.Combine(settings.RepositoryRoot, "src", "WorkingGroups.Web", "WorkingGroups.Web.csproj"), "-c", "Release",
                     "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-o", output, "--nologo",
                 })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var printed = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish failed:\n{await printed}{await errors}");
        return Path.Combine(output, "WorkingGroups.Web.dll");
    }
}
