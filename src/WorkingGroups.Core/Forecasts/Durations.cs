namespace WorkingGroups.Core.Forecasts;

/// <summary>One duration seen in the history: finished, or still running (or cut short) after so many days.</summary>
public readonly record struct Observation(int Days, bool Finished);

/// <summary>
/// What a step (or a body's answer) is likely to take: the installation's history, blended with a prior centred on the
/// benchmark that weighs as much as <see cref="ForecastSettings.PriorWeight"/> finished observations. The history is a
/// Kaplan-Meier estimate, so steps still running count for what they show (they took at least this long) instead of
/// leaving only the quick ones; what it cannot say (beyond its longest observation) comes from the prior.
/// </summary>
public sealed class Durations
{
    private readonly int[] _times;      // the finished durations, distinct, ascending
    private readonly double[] _cdf;     // the estimate's share finished by each of them
    private readonly int _longest;      // the longest duration seen, finished or not
    private readonly double _mu, _sigma, _historyWeight;

    public Durations(IReadOnlyCollection<Observation> observations, int benchmarkDays, ForecastSettings settings)
    {
        Finished = observations.Count(o => o.Finished);
        _mu = Math.Log(Math.Max(1, benchmarkDays));
        _sigma = settings.PriorSpread;
        _historyWeight = Finished / (Finished + settings.PriorWeight);
        _longest = observations.Count == 0 ? 0 : observations.Max(o => o.Days);

        var sorted = observations.OrderBy(o => o.Days).ToArray();
        var times = new List<int>();
        var cdf = new List<double>();
        var survival = 1.0;
        var atRisk = sorted.Length;
        for (var i = 0; i < sorted.Length;)
        {
            var day = sorted[i].Days;
            int ended = 0, all = 0;
            for (; i < sorted.Length && sorted[i].Days == day; i++, all++)
                if (sorted[i].Finished) ended++;
            if (ended > 0)
            {
                survival *= 1 - (double)ended / atRisk;
                times.Add(day);
                cdf.Add(1 - survival);
            }
            atRisk -= all;
        }
        _times = [.. times];
        _cdf = [.. cdf];

        var print = new Fingerprint();
        print.Add(benchmarkDays);
        foreach (var o in sorted) print.Add(o.Finished ? o.Days : -1 - o.Days);
        Print = print.Value;
    }

    /// <summary>How many finished durations the history holds.</summary>
    public int Finished { get; }

    /// <summary>A digest of what the estimate was built from, for the forecast's seed.</summary>
    public ulong Print { get; }

    private double[]? _table;

    /// <summary>A duration longer than <paramref name="atLeast"/> days (a step running that long); any when negative.</summary>
    internal double Draw(ref SplitMix random, double atLeast)
    {
        // A step not started yet draws from a table of the distribution made once per estimate: most draws are of
        // these, and a table lookup costs a tenth of a draw through the inverse CDFs (docs/performance.md, scenario 7).
        if (atLeast < 0) return Table()[(int)(random.Next() % TableSize)];
        return Exact(ref random, atLeast);
    }

    private const int TableSize = 1024;

    private double[] Table()
    {
        if (_table is not null) return _table;
        var seeded = new SplitMix(Print);
        var table = new double[TableSize];
        for (var i = 0; i < TableSize; i++) table[i] = Exact(ref seeded, -1);
        return _table = table;
    }

    private double Exact(ref SplitMix random, double atLeast)
    {
        var history = _historyWeight * HistorySurvival(atLeast);
        var prior = (1 - _historyWeight) * PriorSurvival(atLeast);
        if (history > 0 && random.Uniform() * (history + prior) < history)
        {
            var u = random.Between(1 - HistorySurvival(atLeast), 1);
            var i = Array.BinarySearch(_cdf, u);
            if (i < 0) i = ~i;
            if (i < _cdf.Length) return _times[i];
            // Beyond what the history has finished: how much longer, only the prior can say.
            return PriorAbove(ref random, Math.Max(atLeast, _longest));
        }
        return PriorAbove(ref random, atLeast);
    }

    /// <summary>The share of the history's estimate still running after <paramref name="days"/>.</summary>
    private double HistorySurvival(double days)
    {
        // The last finished duration at or below the days: the estimate is a step function.
        var i = Array.BinarySearch(_times, (int)Math.Floor(days));
        var last = i >= 0 ? i : ~i - 1;
        return last < 0 ? 1 : 1 - _cdf[last];
    }

    private double PriorSurvival(double days) => days <= 0 ? 1 : 1 - Normal.Cdf((Math.Log(days) - _mu) / _sigma);

    /// <summary>The log-normal prior (median: the benchmark) above a number of days, by its inverse CDF.</summary>
    private double PriorAbove(ref SplitMix random, double days)
    {
        var from = days <= 0 ? 0 : Normal.Cdf((Math.Log(days) - _mu) / _sigma);
        var drawn = Math.Exp(_mu + _sigma * Normal.Quantile(random.Between(from, 1)));
        return Math.Max(drawn, days);
    }
}
