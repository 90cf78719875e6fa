using System.Diagnostics;

namespace WorkingGroups.Benchmarks;

/// <summary>One way of driving processes: the engine in this process (the peer) or the app over HTTP (ours).</summary>
public interface IProcessDriver
{
    /// <summary>Starts a Kazakhstan process; returns it and its active steps.</summary>
    Task<(Guid Id, IReadOnlyList<string> Active)> StartAsync();

    /// <summary>Completes an active step; returns the steps active once the engine has moved on.</summary>
    Task<IReadOnlyList<string>> CompleteAsync(Guid processId, string stepId);
}

/// <summary>
/// A side walked in turns with the app (the in-memory peer, the floor): before each repetition of the app's walk at a
/// concurrency it walks once itself, so that its figures and the app's come from the same moment of the machine.
/// </summary>
public interface IWalkedInTurns
{
    /// <param name="measured">False for the warm-up repetition, whose figures are dropped.</param>
    Task WalkAsync(Settings settings, int clients, bool measured);

    /// <summary>Its rows for one concurrency, from its measured repetitions.</summary>
    void AddRows(Results results, int clients);
}

public static class WalkedInTurns
{
    /// <summary>A side walked on its own (--only): at each concurrency, the same warm-up repetition and repetitions as in turns.</summary>
    public static async Task WalkAloneAsync(this IWalkedInTurns side, Settings settings, Results results)
    {
        foreach (var clients in settings.Concurrencies)
        {
            for (var repetition = -1; repetition < settings.Repetitions; repetition++) await side.WalkAsync(settings, clients, measured: repetition >= 0);
            side.AddRows(results, clients);
        }
    }
}

/// <summary>What one repetition of a walk measured.</summary>
public sealed record WalkRun(int Completions, double Seconds, List<double> LatenciesMs)
{
    public double PerSecond => Completions / Seconds;
}

/// <summary>
/// The shared workload of scenarios 2 and 3: clients, each walking its own processes to the end one completion at a
/// time. Processes are started before the clock runs, so only completions are timed; a completion's latency lasts
/// until the answer that shows the next step active.
/// </summary>
public static class StepWalk
{
    /// <summary>
    /// Walks at concurrency 8 until <paramref name="duration"/> has passed, unmeasured. A freshly started runtime compiles
    /// its hot code several times over (tiered compilation) in its first seconds of load; without this the first
    /// scenario measured that, not the steady state a server runs in (docs/performance-log.md, second pass).
    /// </summary>
    public static async Task WarmUpAsync(IProcessDriver driver, TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until) await RunAsync(driver, 8, 1);
    }

    public static async Task<WalkRun> RunAsync(IProcessDriver driver, int clients, int processesPerClient)
    {
        var work = new List<(Guid Id, IReadOnlyList<string> Active)>[clients];
        for (var c = 0; c < clients; c++)
        {
            work[c] = [];
            for (var p = 0; p < processesPerClient; p++) work[c].Add(await driver.StartAsync());
        }

        var latencies = new List<double>();
        var completions = 0;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(work.Select(processes => Task.Run(async () =>
        {
            foreach (var (id, first) in processes)
            {
                var active = first;
                while (active.Count > 0)
                {
                    var step = active[0];
                    var began = Stopwatch.GetTimestamp();
                    var next = await driver.CompleteAsync(id, step);
                    var ms = Measure.Milliseconds(began);
                    if (next.Contains(step)) throw new InvalidOperationException($"step {step} of {id} is still active after its completion");
                    lock (latencies) latencies.Add(ms);
                    Interlocked.Increment(ref completions);
                    active = next;
                }
            }
        })));
        return new WalkRun(completions, Stopwatch.GetElapsedTime(start).TotalSeconds, latencies);
    }
}
