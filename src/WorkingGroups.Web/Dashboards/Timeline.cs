using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Web.Dashboards;

/// <summary>
/// Where the bars of a process timeline go: one per started step from its activation to its completion (or the date
/// shown), a tick at its benchmark, and the whole process against the country's benchmark. Days come from
/// <see cref="Dashboard.Spans"/>: the timeline draws the same figures the dashboards count.
/// </summary>
internal sealed class Timeline
{
    public const int LabelWidth = 250, ChartWidth = 560, RowHeight = 26, BarHeight = 14;

    public sealed record Bar(string? StepId, int Row, double X, double Width, double BenchmarkX, int Days, int BenchmarkDays, BenchmarkState State, bool Running);

    public IReadOnlyList<Bar> Bars { get; }
    public int Height => (Bars.Count + 1) * RowHeight;
    public int Width => LabelWidth + ChartWidth + 10;

    public Timeline(ProcessOnDefinition process, DateOnly asOf)
    {
        var p = process.Process;
        var spans = Dashboard.Spans([process], asOf);
        var elapsed = AsOf.ElapsedDays(p, asOf);
        var running = AsOf.Status(p, asOf) == ProcessStatus.Active;
        var scale = ChartWidth / (double)Math.Max(1, new[] { elapsed, p.BenchmarkDays }.Concat(
            spans.Select(s => Elapsed.Days(p.StartedOn, s.ActivatedOn) + Math.Max(s.Days, s.BenchmarkDays))).Max());
        var bars = new List<Bar>
        {
            new(null, 0, LabelWidth, Math.Max(2, elapsed * scale), LabelWidth + p.BenchmarkDays * scale, elapsed, p.BenchmarkDays,
                Elapsed.State(elapsed, p.BenchmarkDays, running), running),
        };
        var row = 1;
        foreach (var s in spans)
        {
            var offset = Elapsed.Days(p.StartedOn, s.ActivatedOn);
            bars.Add(new Bar(s.StepId, row++, LabelWidth + offset * scale, Math.Max(2, s.Days * scale),
                LabelWidth + (offset + s.BenchmarkDays) * scale, s.Days, s.BenchmarkDays, s.State, s.Running));
        }
        Bars = bars;
    }
}
