using System.Diagnostics;

namespace WorkingGroups.Benchmarks;

/// <summary>Warm-up, then repetitions; a result is the median of the repetitions, so one noisy run cannot decide it.</summary>
public static class Measure
{
    public static async Task<List<T>> RepeatAsync<T>(int warmUps, int repetitions, Func<int, Task<T>> run)
    {
        for (var i = 0; i < warmUps; i++) await run(-1 - i);
        var values = new List<T>();
        for (var i = 0; i < repetitions; i++) values.Add(await run(i));
        return values;
    }

    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IEnumerable<double> values, double percent)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static double Milliseconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}
