namespace WorkingGroups.Core.Processes;

/// <summary>Elapsed time in business days (calendar days between the dates on the letters), against a benchmark.</summary>
public static class Elapsed
{
    /// <summary>A step is at risk once it has used more than this share of its benchmark.</summary>
    public const double AtRiskShare = 0.8;

    /// <summary>Whole calendar days from one business date to another (0 on the same day).</summary>
    public static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>Days from the start to the end, or to today while it is still running.</summary>
    public static int Days(DateOnly from, DateOnly? to, DateOnly today) => Days(from, to ?? today);

    /// <summary>
    /// Overdue past the benchmark; at risk past its 80 % only while still running: a step or process that finished
    /// within its benchmark was on time, however close it came.
    /// </summary>
    public static BenchmarkState State(int elapsedDays, int benchmarkDays, bool running) =>
        elapsedDays > benchmarkDays ? BenchmarkState.Overdue
        : running && elapsedDays > benchmarkDays * AtRiskShare ? BenchmarkState.AtRisk
        : BenchmarkState.OnTrack;
}
