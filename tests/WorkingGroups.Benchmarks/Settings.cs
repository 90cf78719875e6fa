namespace WorkingGroups.Benchmarks;

/// <summary>How big a run is. --quick keeps every scenario but smaller, to prove the harness still runs.</summary>
public sealed class Settings
{
    public required bool Quick { get; init; }
    public required string RepositoryRoot { get; init; }
    public required string WorkFolder { get; init; }

    public int Repetitions => Quick ? 2 : 5;
    public TimeSpan LimitWindow => TimeSpan.FromSeconds(Quick ? 0.5 : 2);

    /// <summary>
    /// Processes each concurrent client walks per repetition (five completions each for Kazakhstan). Sized so that a
    /// repetition lasts about a second in --quick and several in a full run at the rates of 2026-12 (hundreds of
    /// completions per second): the walk ends with its slowest client, and in a repetition of a tenth of a second that
    /// tail, not the steady state, set the figure (docs/performance-log.md, ninth pass).
    /// </summary>
    public int ProcessesPerClient(int concurrency) => (Quick, concurrency) switch
    {
        (true, 1) => 40,
        (true, 8) => 10,
        (true, _) => 3,
        (false, 1) => 100,
        (false, 8) => 25,
        _ => 8,
    };

    public int[] Concurrencies => [1, 8, 32];

    /// <summary>Unmeasured load before scenarios 2 and 3, the same for both (see <see cref="StepWalk.WarmUpAsync"/>).</summary>
    public TimeSpan WarmUp => TimeSpan.FromSeconds(Quick ? 10 : 30);
    public int[] DashboardSizes => Quick ? [100, 1_000] : [100, 1_000, 10_000];
    public int[] SweepSizes => Quick ? [1_000] : [1_000, 10_000];
    public TimeSpan IdleWindow => TimeSpan.FromSeconds(Quick ? 10 : 30);
    public int IdleProcesses => Quick ? 20 : 200;

    public string NewFolder(string name)
    {
        var folder = Path.Combine(WorkFolder, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static Settings From(string[] args)
    {
        var root = FindRoot();
        var work = Path.Combine(Path.GetTempPath(), $"wg-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        return new Settings { Quick = args.Contains("--quick"), RepositoryRoot = root, WorkFolder = work };
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WorkingGroups.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("WorkingGroups.sln not found above " + AppContext.BaseDirectory);
    }
}
