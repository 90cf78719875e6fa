using WorkingGroups.Benchmarks;

// The floor's server, when this program is started as its child process (Floor.StartAsync).
if (args is [Floor.ServeArgument, var floorFile])
{
    await Floor.ServeAsync(floorFile);
    return 0;
}

// How fast a step advances, against the raw durable-write limit and the engine's in-memory runtime (issue 9).
var settings = Settings.From(args);
var results = new Results();
var at = DateTime.UtcNow;
Console.WriteLine($"WorkingGroups benchmarks{(settings.Quick ? " (--quick)" : "")}: medians of {settings.Repetitions} repetitions after a warm-up");

// --only <name> runs one scenario (limit, floor, peer, end-to-end, dashboards, sweep, postgres, documents, forecast), to profile it on its own.
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
Func<Settings, Results, Task>[] scenarios = only switch
{
    // The whole run walks the peer, the floor and the app in turns (EndToEnd.RunWithPeerAsync); --only peer, floor or
    // end-to-end walks one of them.
    null => [SqliteLimit.RunAsync, EndToEnd.RunWithPeerAsync, Dashboards.RunAsync, Sweep.RunAsync, PostgresEndToEnd.RunAsync, DocumentTransfer.RunAsync, Forecasts.RunAsync],
    "limit" => [SqliteLimit.RunAsync],
    "floor" => [Floor.RunAsync],
    "peer" => [EnginePeer.RunAsync],
    "end-to-end" => [EndToEnd.RunAsync],
    "dashboards" => [Dashboards.RunAsync],
    "sweep" => [Sweep.RunAsync],
    "postgres" => [PostgresEndToEnd.RunAsync],
    "documents" => [DocumentTransfer.RunAsync],
    "forecast" => [Forecasts.RunAsync],
    _ => throw new ArgumentException($"--only {only}: the scenarios are limit, floor, peer, end-to-end, dashboards, sweep, postgres, documents and forecast"),
};
try
{
    foreach (var scenario in scenarios) await scenario(settings, results);
}
finally
{
    Report.Write(settings, results, at);
    try { Directory.Delete(settings.WorkFolder, recursive: true); } catch (IOException) { }
}
return 0;
