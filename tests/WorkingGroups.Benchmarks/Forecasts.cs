using System.Diagnostics;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Forecasts;
using WorkingGroups.Testing;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// Scenario 9: the forecast, in this process (it is pure domain code). Generated Kazakh histories with known durations
/// (the calibration test's), 1,000 and 10,000 processes over three years: how often the 80 % date covered the real end
/// when replayed at 15 dates, and what forecasting every process running on one date costs (reading the history
/// included), as the portfolio pays it.
/// </summary>
public static class Forecasts
{
    public static Task RunAsync(Settings settings, Results results)
    {
        var definition = DefinitionLoader.LoadFolder(Path.Combine(settings.RepositoryRoot, "workflows")).Definitions.Single(d => d.Id == "kz-establishment");
        var from = new DateOnly(2022, 1, 3);
        foreach (var size in settings.Quick ? [1_000] : new[] { 1_000, 10_000 })
        {
            var processes = Calibration.Generate(definition, size, from, seed: size);
            var dates = Enumerable.Range(0, 15).Select(i => from.AddDays(182 + 61 * i)).ToList();
            var coverage = Calibration.Replay(processes, dates);
            results.Add("9 forecast", $"80 % date covers the real end, {size:N0} processes", 100 * coverage.Share80, "%", $"{coverage.Cases:N0} forecasts at 15 dates");
            results.Add("9 forecast", $"median covers the real end, {size:N0} processes", 100 * coverage.ShareMedian, "%");

            // Cost on the busiest date: the middle of the three years, where the most processes run.
            var asOf = from.AddDays(548);
            var running = 0;
            var times = Enumerable.Range(0, settings.Repetitions + 1).Select(_ =>
            {
                var start = Stopwatch.GetTimestamp();
                var history = new ForecastHistory(processes, asOf);
                running = processes.Count(x => Forecaster.Of(x.Process, x.Definition, history) is not null);
                return Measure.Milliseconds(start);
            }).Skip(1).ToList();
            var median = Measure.Median(times);
            var reading = Measure.Median(Enumerable.Range(0, settings.Repetitions).Select(repetition =>
            {
                var start = Stopwatch.GetTimestamp();
                _ = new ForecastHistory(processes, asOf);
                return Measure.Milliseconds(start);
            }));
            results.Add("9 forecast", $"of which reading the history, {size:N0} processes", reading, "ms");
            results.Add("9 forecast", $"forecast every running process, {size:N0} processes", median, "ms", $"{running:N0} running, {ForecastSettings.Default.Runs} runs each");
            results.Add("9 forecast", $"per running process, beyond the history, {size:N0} processes", 1000 * (median - reading) / Math.Max(1, running), "µs");
        }
        return Task.CompletedTask;
    }
}
