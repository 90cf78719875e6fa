namespace WorkingGroups.Core.Forecasts;

/// <summary>
/// When a running process is likely to be established, as it looked on <see cref="AsOf"/>: half the simulated runs end
/// by <see cref="MedianOn"/>, four in five by <see cref="LikelyBy"/>. <see cref="DaysLate"/> compares the median with the
/// date the benchmark gives (negative: early). <see cref="ThinHistory"/>: some remaining step has fewer finished
/// durations than the benchmark's weight, so the benchmark shapes the forecast more than the history does.
/// </summary>
public sealed record Forecast(DateOnly AsOf, DateOnly MedianOn, DateOnly LikelyBy, DateOnly BenchmarkOn, int DaysLate, int Runs, bool ThinHistory)
{
    /// <summary>The lateness in whole weeks, as a reader says it ("likely 5 weeks late").</summary>
    public int WeeksLate => (int)Math.Round(DaysLate / 7.0, MidpointRounding.AwayFromZero);
}
