using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WorkingGroups.IntegrationTests.Hosting;

/// <summary>The built app listening on a loopback port, as a person runs it, on its own temporary data folder.</summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;

    private AppServer(Process process, string url, string dataFolder)
    {
        _process = process;
        Url = url;
        DataFolder = dataFolder;
    }

    public string Url { get; }
    public string DataFolder { get; }

    public static async Task<AppServer> StartAsync(string? dataFolder = null)
    {
        dataFolder ??= Directory.CreateTempSubdirectory("wg-server-").FullName;
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(AppProcess.AppDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["Data__Folder"] = dataFolder;
        start.WorkingDirectory = dataFolder;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"the app exited with {process.ExitCode} before answering /health");
            try
            {
                if ((await http.GetAsync(url + "/health")).StatusCode == HttpStatusCode.OK) return new AppServer(process, url, dataFolder);
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(200);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException("the app did not answer /health within 60 s");
    }

    /// <summary>Runs a command-line verb (user add, token create) on the same data folder.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        var (exit, output, error) = await AppProcess.RunAsync(args, new Dictionary<string, string> { ["Data__Folder"] = DataFolder }, TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, $"{string.Join(' ', args)} failed ({exit}): {output}{error}");
        return output;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { /* a log file may still be closing */ }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
