using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// The app's Release build as a child process on loopback, on its own fresh data folder, without samples: what a user
/// runs (or another server of the harness, the floor, run the same way). Knows its start-up time (process start to the
/// first 200 on /health) and reads its memory and CPU from /proc.
/// </summary>
public sealed class ChildApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private ChildApp(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }
    public double StartupMs { get; private set; }
    public int Pid => _process.Id;

    /// <param name="environment">Settings of this run beyond the data folder (the PostgreSQL database, for one).</param>
    public static Task<ChildApp> StartAsync(Settings settings, string dataFolder, IReadOnlyDictionary<string, string>? environment = null) =>
        StartAsync(Command(AppDll(settings), settings, dataFolder, [], environment));

    /// <summary>The app as published for an installation (<see cref="InstalledApp"/>), on a data folder of its own.</summary>
    public static async Task<ChildApp> StartInstalledAsync(Settings settings, string dataFolder) =>
        await StartAsync(Command(await InstalledApp.DllAsync(settings), settings, dataFolder, [], null));

    /// <summary>
    /// Any server of this harness as a child process (the app, the floor): told its free loopback port by
    /// ASPNETCORE_URLS, ready at its first 200 on /health.
    /// </summary>
    public static async Task<ChildApp> StartAsync(ProcessStartInfo start)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        var began = Stopwatch.GetTimestamp();
        var app = new ChildApp(Process.Start(start)!, address);
        app._process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (app._process.HasExited) throw new InvalidOperationException("the server exited during start-up:\n" + app.LastLines());
            if (Stopwatch.GetElapsedTime(began) > TimeSpan.FromSeconds(60)) throw new TimeoutException("no 200 on /health within 60 s:\n" + app.LastLines());
            try
            {
                using var response = await probe.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(5);
        }
        app.StartupMs = Measure.Milliseconds(began);
        return app;
    }

    /// <summary>Runs a command-line verb (user add, token create) on a data folder and returns what it printed.</summary>
    public static async Task<string> RunVerbAsync(Settings settings, string dataFolder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = Command(AppDll(settings), settings, dataFolder, args, environment);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"`{string.Join(' ', args)}` failed: {await output}{await error}");
        return await output;
    }

    /// <summary>A user of the given role and a real bearer token for it, made with the CLI as an administrator would.</summary>
    public static async Task<string> CreateTokenAsync(Settings settings, string dataFolder, string email, string role, string? country,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        string[] user = ["user", "add", "--email", email, "--role", role];
        await RunVerbAsync(settings, dataFolder, environment, country is null ? user : [.. user, "--country", country]);
        var printed = await RunVerbAsync(settings, dataFolder, environment, "token", "create", "--email", email, "--name", "benchmark");
        return printed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
    }

    public HttpClient Client(string token)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Peak resident set (VmHWM) in MB.</summary>
    public double PeakWorkingSetMb()
    {
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    /// <summary>The resident set now (VmRSS) in MB, after resetting the peak (VmHWM) to it, so the next reading is this moment's peak.</summary>
    public double ResidentMbAndResetPeak()
    {
        File.WriteAllText($"/proc/{Pid}/clear_refs", "5"); // proc(5): "5" resets the peak resident set size
        var line = File.ReadLines($"/proc/{Pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    /// <summary>utime + stime in clock ticks (1/100 s on Linux).</summary>
    public long CpuTicks()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // the name in parentheses may hold spaces
        return long.Parse(fields[11]) + long.Parse(fields[12]); // fields 14 and 15 of stat(5)
    }

    private static ProcessStartInfo Command(string appDll, Settings settings, string dataFolder, string[] args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(appDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.WorkingDirectory = dataFolder;
        start.Environment["Data__Folder"] = dataFolder;
        start.Environment["Samples__Load"] = "false";
        start.Environment["Definitions__Folder"] = Path.Combine(settings.RepositoryRoot, "workflows");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return start;
    }

    /// <summary>The app's build output in this program's own configuration (Release when run as the README says).</summary>
    private static string AppDll(Settings settings)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        return Path.Combine(settings.RepositoryRoot, "src", "WorkingGroups.Web", "bin", configuration, "net10.0", "WorkingGroups.Web.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40) _lastLines.Dequeue();
        }
    }

    private string LastLines() { lock (_lastLines) return string.Join('\n', _lastLines); }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
