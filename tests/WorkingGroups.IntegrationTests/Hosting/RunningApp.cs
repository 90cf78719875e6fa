using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace WorkingGroups.IntegrationTests.Hosting;

/// <summary>
/// The built app serving HTTP as a child process on a data folder, as `dotnet run` would; it can be killed
/// (SIGKILL, no shutdown code runs) to show what survives a crash.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    private const string ListeningOn = "Now listening on: ";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunningApp(Process process) => _process = process;

    public Uri Address { get; private set; } = null!;

    public int ProcessId => _process.Id;

    /// <summary>The address without a trailing slash, as a browser or a script is given it.</summary>
    public string Url => Address.ToString().TrimEnd('/');

    /// <summary>Everything the app printed so far (for failure messages).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the app without its samples (an empty database, as most tests want) and waits until it listens.</summary>
    public static Task<RunningApp> StartAsync(string dataFolder, TimeSpan timeout, params string[] args) =>
        StartAsync(dataFolder, timeout, new Dictionary<string, string> { ["Samples__Load"] = "false" }, args);

    /// <summary>Starts the app on a free loopback port with the given environment and waits until it listens.</summary>
    public static async Task<RunningApp> StartAsync(string dataFolder, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(AppProcess.AppDll());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.WorkingDirectory = Path.GetTempPath();
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Data__Folder"] = dataFolder;
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var app = new RunningApp(Process.Start(start)!);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(string? line)
        {
            if (line is null) return;
            lock (app._output) app._output.AppendLine(line);
            var at = line.IndexOf(ListeningOn, StringComparison.Ordinal);
            if (at >= 0) listening.TrySetResult(new Uri(line[(at + ListeningOn.Length)..].Trim()));
        }
        app._process.OutputDataReceived += (_, e) => Collect(e.Data);
        app._process.ErrorDataReceived += (_, e) => Collect(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        app._process.EnableRaisingEvents = true;
        app._process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the app exited before listening"));

        try
        {
            app.Address = await listening.Task.WaitAsync(timeout);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"the app did not start listening: {ex.Message}\n{app.Output}", ex);
        }
        return app;
    }

    public HttpClient Client(string? bearerToken)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (bearerToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
