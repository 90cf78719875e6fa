namespace WorkingGroups.Benchmarks;

/// <summary>
/// Scenarios 3 and 5 (and 2 and 1b, walked in turns with 3, in a whole run): the app as a child process; start-up time
/// over fresh data folders; processes started and steps completed through the API at each concurrency; then the peak
/// working set, and idle CPU with live processes parked at different steps.
/// </summary>
public static class EndToEnd
{
    public static Task RunAsync(Settings settings, Results results) => RunAsync(settings, results, inTurns: false);

    /// <summary>
    /// Scenarios 2, 1b and 3 together: each repetition walks the in-memory peer, then the floor, then the app, back to
    /// back, so that the ratios 3/2 and 3/1b compare them under the same load on the machine, not a minute apart
    /// (docs/performance-log.md, ninth pass).
    /// </summary>
    public static Task RunWithPeerAsync(Settings settings, Results results) => RunAsync(settings, results, inTurns: true);

    private static async Task RunAsync(Settings settings, Results results, bool inTurns)
    {
        var startups = await Measure.RepeatAsync(1, settings.Quick ? 1 : 3, async run =>
        {
            await using var fresh = await ChildApp.StartAsync(settings, settings.NewFolder($"startup{run}"));
            return fresh.StartupMs;
        });
        results.Add("5 start-up", "process start to first 200 on /health", Measure.Median(startups), "ms", "fresh data folder, first run");
        var installed = await Measure.RepeatAsync(1, settings.Quick ? 1 : 3, async run =>
        {
            await using var fresh = await ChildApp.StartInstalledAsync(settings, settings.NewFolder($"installed-startup{run}"));
            return fresh.StartupMs;
        });
        results.Add("5 start-up", "installed: process start to first 200 on /health", Measure.Median(installed), "ms",
            "published with ReadyToRun, fresh data folder");

        var folder = settings.NewFolder("end-to-end");
        var token = await ChildApp.CreateTokenAsync(settings, folder, "coordinator@bench.local", "Coordinator", "KZ");
        await using var app = await ChildApp.StartAsync(settings, folder);
        using var client = app.Client(token);
        var driver = new HttpDriver(client);
        await using var peer = inTurns ? await EnginePeer.StartAsync(settings) : null;
        await using var floor = inTurns ? await Floor.StartAsync(settings) : null;
        if (peer is not null) await StepWalk.WarmUpAsync(peer, settings.WarmUp);
        if (floor is not null) await floor.WarmUpAsync(settings);
        await StepWalk.WarmUpAsync(driver, settings.WarmUp);

        IWalkedInTurns[] beside = [.. new IWalkedInTurns?[] { peer, floor }.OfType<IWalkedInTurns>()];
        await WalksAsync(settings, results, "3 ours", "HTTP, durable", app, driver, settings.Concurrencies, beside);
        results.Add("5 start-up", "peak working set (VmHWM) after scenario 3", app.PeakWorkingSetMb(), "MB", "single reading");

        await IdleCpuAsync(settings, results, app, driver);
    }

    /// <summary>
    /// Completions through the API at each concurrency: completions per second, the app's CPU per action, and the
    /// latency percentiles of a completion, as rows of <paramref name="scenario"/>.
    /// </summary>
    /// <param name="beside">Each walked just before each repetition of the app (their rows are their own scenarios').</param>
    public static async Task WalksAsync(Settings settings, Results results, string scenario, string note, ChildApp app, HttpDriver driver, int[] concurrencies,
        IReadOnlyList<IWalkedInTurns>? beside = null)
    {
        foreach (var clients in concurrencies)
        {
            var cpu = new List<double>();
            var runs = await Measure.RepeatAsync(1, settings.Repetitions, async repetition =>
            {
                // Warm-up runs are numbered below zero.
                foreach (var other in beside ?? []) await other.WalkAsync(settings, clients, measured: repetition >= 0);
                var ticks = app.CpuTicks();
                var run = await StepWalk.RunAsync(driver, clients, settings.ProcessesPerClient(clients));
                // The walk's starts run before its clock, so they are in the ticks too: per action, not per completion.
                var actions = run.Completions + clients * settings.ProcessesPerClient(clients);
                if (repetition >= 0) cpu.Add((app.CpuTicks() - ticks) * 10.0 / actions);
                return run;
            });
            foreach (var other in beside ?? []) other.AddRows(results, clients);
            results.Add(scenario, $"completions per second, concurrency {clients}", Measure.Median(runs.Select(r => r.PerSecond)), "/s", note);
            results.Add(scenario, $"app CPU per action, concurrency {clients}", Measure.Median(cpu), "ms", "starts and completions, from /proc");
            foreach (var p in new[] { 50, 95, 99 })
                results.Add(scenario, $"p{p} latency, concurrency {clients}", Measure.Median(runs.Select(r => Measure.Percentile(r.LatenciesMs, p))), "ms");
        }
    }

    /// <summary>Live processes at every step of the definition, then the app's own CPU time while nobody calls it.</summary>
    private static async Task IdleCpuAsync(Settings settings, Results results, ChildApp app, HttpDriver driver)
    {
        for (var i = 0; i < settings.IdleProcesses; i++)
        {
            var (id, active) = await driver.StartAsync();
            for (var done = 0; done < i % 5 && active.Count > 0; done++) active = await driver.CompleteAsync(id, active[0]);
        }
        await Task.Delay(TimeSpan.FromSeconds(3)); // let the last requests' logging and the engine settle
        var before = app.CpuTicks();
        await Task.Delay(settings.IdleWindow);
        var ticks = app.CpuTicks() - before;
        results.Add("5 idle", $"CPU with {settings.IdleProcesses} live processes, idle", ticks / 100.0 / settings.IdleWindow.TotalSeconds * 100, "% of a core",
            $"{settings.IdleWindow.TotalSeconds:0} s window");
    }
}
