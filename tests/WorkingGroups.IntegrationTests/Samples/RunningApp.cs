using System.Diagnostics;
using System.Text;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Samples;

/// <summary>The built app running as a child process, as after `dotnet run`, until disposed; its console is captured.</summary>
internal sealed class RunningApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RunningApp(Process process) => _process = process;

    public string Url { get; private set; } = "";

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the app on a free loopback port and waits until it listens.</summary>
    public static async Task<RunningApp> StartAsync(string[] args, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(AppProcess.AppDll());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.WorkingDirectory = Path.GetTempPath();
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var app = new RunningApp(Process.Start(start)!);
        app._process.OutputDataReceived += (_, e) => app.Read(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Read(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        var started = await Task.WhenAny(app._listening.Task, app._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (started != app._listening.Task)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException("the app did not start listening: " + app.Output);
        }
        app.Url = await app._listening.Task;
        return app;
    }

    private void Read(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        const string listening = "Now listening on: ";
        var at = line.IndexOf(listening, StringComparison.Ordinal);
        if (at >= 0) _listening.TrySetResult(line[(at + listening.Length)..].Trim());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
