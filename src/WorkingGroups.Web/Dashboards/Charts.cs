using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Web.Dashboards;

/// <summary>A horizontal scale from values to x, with round ticks (days, or dates as day numbers).</summary>
internal sealed record Scale(double From, double To, double Left, double Width)
{
    public double X(double value) => Left + (value - From) / Math.Max(1e-9, To - From) * Width;

    /// <summary>About <paramref name="count"/> ticks on round numbers (1, 2 or 5 times a power of ten).</summary>
    public IEnumerable<double> Ticks(int count = 6)
    {
        var raw = (To - From) / Math.Max(1, count);
        var power = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(1, raw))));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        for (var v = Math.Ceiling(From / step) * step; v <= To; v += step) yield return v;
    }
}

/// <summary>
/// The portfolio on a time axis: a row per process from its start to its end (or the date shown), its benchmark date as
/// a tick, and a running one's forecast as a band from the date to the median and on to the 80 % date. At most
/// <see cref="MaxRows"/> rows, the portfolio's first (the furthest over their benchmark).
/// </summary>
internal sealed class PortfolioChart
{
    public const int MaxRows = 40, LabelWidth = 220, PlotWidth = 480, RowHeight = 18, Top = 8, AxisHeight = 28;

    public sealed record Row(PortfolioRow Process, int Y, double StartX, double EndX, double BenchmarkX, double? MedianX, double? LikelyX, double NowX);

    public IReadOnlyList<Row> Rows { get; }
    public Scale Scale { get; }
    public DateOnly AsOf { get; }
    public int Total { get; }
    public int Width => LabelWidth + PlotWidth + 20;
    public int Height => Top + Rows.Count * RowHeight + AxisHeight;
    public int AxisY => Top + Rows.Count * RowHeight + 4;

    public PortfolioChart(IReadOnlyList<PortfolioRow> rows, DateOnly asOf)
    {
        AsOf = asOf;
        Total = rows.Count;
        var shown = rows.Take(MaxRows).ToList();
        var from = shown.Count == 0 ? asOf.DayNumber - 30 : shown.Min(r => r.StartedOn.DayNumber);
        var to = shown.Select(r => Math.Max(r.StartedOn.DayNumber + r.BenchmarkDays, r.Forecast?.LikelyBy.DayNumber ?? 0))
            .Append(asOf.DayNumber).Max() + 7;
        Scale = new Scale(from, to, LabelWidth, PlotWidth);
        Rows = shown.Select((r, i) => new Row(r, Top + i * RowHeight, Scale.X(r.StartedOn.DayNumber), Scale.X((r.EndedOn ?? asOf).DayNumber),
            Scale.X(r.StartedOn.DayNumber + r.BenchmarkDays), r.Forecast is { } f ? Scale.X(f.MedianOn.DayNumber) : null,
            r.Forecast is { } g ? Scale.X(g.LikelyBy.DayNumber) : null, Scale.X(asOf.DayNumber))).ToList();
    }

    /// <summary>Ticks on the first of a month, every 1, 3, 6 or 12 months so that about six fit.</summary>
    public IEnumerable<(double X, DateOnly Date)> Months()
    {
        var first = DateOnly.FromDayNumber((int)Scale.From);
        var months = (Scale.To - Scale.From) / 30.4;
        var every = new[] { 1, 3, 6, 12, 24 }.First(m => months / m <= 7);
        var d = new DateOnly(first.Year, 1, 1);
        while (d.DayNumber < Scale.From) d = d.AddMonths(every);
        for (; d.DayNumber <= Scale.To; d = d.AddMonths(every)) yield return (Scale.X(d.DayNumber), d);
    }
}

/// <summary>Countries side by side: per country the benchmark, the established processes' median and the running ones' forecast median, in days.</summary>
internal sealed class CountriesChart
{
    public const int LabelWidth = 150, PlotWidth = 460, BarHeight = 12, Top = 8, AxisHeight = 28;

    public sealed record Bar(string Kind, double Days, int Y, double Width);

    public sealed record Country(string Code, int Y, IReadOnlyList<Bar> Bars);

    public IReadOnlyList<Country> Countries { get; }
    public Scale Scale { get; }
    public int Width => LabelWidth + PlotWidth + 60;
    public int Height { get; }
    public int AxisY => Height - AxisHeight + 4;

    public CountriesChart(IReadOnlyList<CountrySummary> countries, IReadOnlyList<PortfolioRow> portfolio)
    {
        var figures = countries.Select(c =>
        {
            var forecasts = portfolio.Where(r => r.Country == c.Country && r.Forecast is not null)
                .Select(r => r.Forecast!.MedianOn.DayNumber - r.StartedOn.DayNumber).ToList();
            return (c.Country, Bars: new (string Kind, double? Days)[]
            {
                ("benchmark", c.BenchmarkDays), ("median", c.MedianDaysToEstablish), ("forecast", Median(forecasts)),
            }.Where(b => b.Days is not null).Select(b => (b.Kind, Days: b.Days!.Value)).ToList());
        }).ToList();
        Scale = new Scale(0, Math.Max(30, figures.SelectMany(f => f.Bars).Select(b => b.Days).DefaultIfEmpty(0).Max()) * 1.05, LabelWidth, PlotWidth);
        var y = Top;
        var list = new List<Country>();
        foreach (var (code, bars) in figures)
        {
            var top = y;
            list.Add(new Country(code, top, bars.Select((b, i) => new Bar(b.Kind, b.Days, top + i * (BarHeight + 3), Scale.X(b.Days) - LabelWidth)).ToList()));
            y += bars.Count * (BarHeight + 3) + 12;
        }
        Countries = list;
        Height = y + AxisHeight;
    }

    /// <summary>The middle value (the mean of the two middle ones for an even count); null for none.</summary>
    private static double? Median(List<int> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2.0;
    }
}

/// <summary>Each step's spread: a row per step of each definition, a dot per process's duration, the median and the benchmark.</summary>
internal sealed class StepsChart
{
    public const int LabelWidth = 260, PlotWidth = 440, RowHeight = 22, Top = 8, AxisHeight = 28, MaxDots = 200;

    public sealed record Dot(double X, bool Running);

    public sealed record Row(StepStatistics Step, int Y, IReadOnlyList<Dot> Dots, double? MedianX, double BenchmarkX);

    public IReadOnlyList<Row> Rows { get; }
    public Scale Scale { get; }
    public int Width => LabelWidth + PlotWidth + 20;
    public int Height => Top + Rows.Count * RowHeight + AxisHeight;
    public int AxisY => Top + Rows.Count * RowHeight + 4;

    public StepsChart(IReadOnlyList<StepStatistics> steps, IReadOnlyList<StepSpan> spans)
    {
        var byStep = spans.ToLookup(s => (s.DefinitionId, s.StepId));
        var longest = steps.Select(s => Math.Max(s.MaxDays ?? 0, s.BenchmarkDays)).DefaultIfEmpty(30).Max();
        Scale = new Scale(0, Math.Max(10, longest) * 1.05, LabelWidth, PlotWidth);
        Rows = steps.Select((s, i) =>
        {
            var mine = byStep[(s.DefinitionId, s.StepId)].OrderBy(x => x.Days).ToList();
            // Thousands of processes: an even sample of the sorted durations keeps the spread and the file small.
            var dots = (mine.Count <= MaxDots ? mine : Enumerable.Range(0, MaxDots).Select(k => mine[k * mine.Count / MaxDots]))
                .Select(x => new Dot(Scale.X(x.Days), x.Running)).ToList();
            return new Row(s, Top + i * RowHeight, dots, s.MedianDays is { } m ? Scale.X(m) : null, Scale.X(s.BenchmarkDays));
        }).ToList();
    }
}
