namespace WorkingGroups.Core.Forecasts;

/// <summary>
/// How the forecast weighs history against benchmarks and how many runs it simulates (decision 0030 says why these).
/// </summary>
/// <param name="Runs">Simulated runs per process: enough for a stable 80 % date, few enough for a page of hundreds.</param>
/// <param name="PriorWeight">The benchmark counts as this many finished observations.</param>
/// <param name="PriorSpread">The log-normal prior's sigma: its 80 % range is about 0.5 to 1.9 times the benchmark.</param>
public sealed record ForecastSettings(int Runs = 120, double PriorWeight = 3, double PriorSpread = 0.5)
{
    public static readonly ForecastSettings Default = new();
}
