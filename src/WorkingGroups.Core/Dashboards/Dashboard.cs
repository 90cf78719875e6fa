using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Forecasts;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Dashboards;

/// <summary>
/// Every dashboard figure, computed in one place from business dates as they stood on <c>asOf</c>. Views and exports
/// only format what these return.
/// </summary>
public static class Dashboard
{
    /// <param name="history">Given, each running process carries its forecast from it.</param>
    public static IReadOnlyList<PortfolioRow> Portfolio(IEnumerable<ProcessOnDefinition> processes, DateOnly asOf, ForecastHistory? history = null) =>
        processes.Where(x => AsOf.Status(x.Process, asOf) is not null)
            .Select(x =>
            {
                var p = x.Process;
                var elapsed = AsOf.ElapsedDays(p, asOf);
                var status = AsOf.Status(p, asOf)!.Value;
                return new PortfolioRow(p.Id, p.Country, p.Title, p.DefinitionId, status, p.StartedOn,
                    status == ProcessStatus.Active ? null : AsOf.End(p, asOf), elapsed, p.BenchmarkDays,
                    Math.Max(0, elapsed - p.BenchmarkDays), Elapsed.State(elapsed, p.BenchmarkDays, status == ProcessStatus.Active),
                    status == ProcessStatus.Active
                        ? p.Steps.Where(s => AsOf.StepStatus(s, asOf) == StepStatus.Active).OrderBy(s => s.Order).Select(s => s.StepId).ToList()
                        : [])
                {
                    Forecast = history is null ? null : Forecaster.Of(p, x.Definition, history),
                };
            })
            .OrderByDescending(r => r.DaysOver).ThenByDescending(r => r.ElapsedDays).ThenBy(r => r.Title)
            .ToList();

    /// <summary>Every started step of every process, with its duration so far.</summary>
    public static IReadOnlyList<StepSpan> Spans(IEnumerable<ProcessOnDefinition> processes, DateOnly asOf) =>
        processes.SelectMany(x => x.Process.Steps.OrderBy(s => s.Order).Select(s => (x, s)))
            .Where(t => AsOf.StepDays(t.x.Process, t.s, asOf) is not null)
            .Select(t =>
            {
                var (x, s) = t;
                var days = AsOf.StepDays(x.Process, s, asOf)!.Value;
                var running = AsOf.StepStatus(s, asOf) == StepStatus.Active;
                var (activatedOn, completedOn) = AsOf.Round(s, asOf);
                return new StepSpan(x.Process.Id, x.Process.Title, x.Process.Country, x.Process.DefinitionId, s.StepId,
                    x.Definition.FindStep(s.StepId)!.Kind, activatedOn!.Value, running ? null : completedOn, days, s.BenchmarkDays,
                    Elapsed.State(days, s.BenchmarkDays, running), running, AsOf.SentBack(s, asOf));
            })
            .ToList();

    /// <summary>Bottlenecks: per step of each definition, the spread of durations and the processes that exceeded the benchmark.</summary>
    public static IReadOnlyList<StepStatistics> Steps(IEnumerable<ProcessOnDefinition> processes, DateOnly asOf)
    {
        var list = processes.ToList();
        var spans = Spans(list, asOf);
        return list.Select(x => x.Definition).DistinctBy(d => (d.Id, d.Version)).OrderBy(d => d.Country)
            .SelectMany(d => d.Steps.Select(step => (d, step)))
            .GroupBy(t => (t.d.Id, t.step.Id))
            .Select(g =>
            {
                var (d, step) = g.Last();
                var mine = spans.Where(s => s.DefinitionId == d.Id && s.StepId == step.Id).ToList();
                var days = mine.Select(s => s.Days).ToList();
                var median = Statistics.Median(days);
                return new StepStatistics(d.Id, d.Country, step.Id, step.Kind, step.Benchmark.Days, mine.Count, mine.Count(s => s.Running),
                    median, Statistics.Percentile(days, 90), days.Count == 0 ? null : days.Max(), median > step.Benchmark.Days,
                    mine.Sum(s => s.SentBack),
                    mine.Where(s => s.Days > s.BenchmarkDays).OrderByDescending(s => s.Days)
                        .Select(s => new Exceeding(s.ProcessId, s.ProcessTitle, s.Days, s.Running)).ToList());
            })
            .ToList();
    }

    /// <summary>The same by step kind (letters, approvals, invitations...), with the median share of each step's benchmark used.</summary>
    public static IReadOnlyList<KindStatistics> Kinds(IEnumerable<ProcessOnDefinition> processes, DateOnly asOf) =>
        Spans(processes, asOf).GroupBy(s => s.Kind).OrderBy(g => g.Key)
            .Select(g =>
            {
                var days = g.Select(s => s.Days).ToList();
                var shares = g.Select(s => (int)Math.Round(100.0 * s.Days / Math.Max(1, s.BenchmarkDays))).ToList();
                return new KindStatistics(g.Key, days.Count, Statistics.Median(days), Statistics.Percentile(days, 90), days.Max(),
                    Statistics.Median(shares) / 100);
            })
            .ToList();

    /// <summary>Per country: how many processes, how long establishment took, and each phase's median.</summary>
    public static IReadOnlyList<CountrySummary> Countries(IEnumerable<ProcessOnDefinition> processes, DateOnly asOf)
    {
        var list = processes.Where(x => AsOf.Status(x.Process, asOf) is not null).ToList();
        var spans = Spans(list, asOf);
        return list.GroupBy(x => x.Process.Country).OrderBy(g => g.Key)
            .Select(g =>
            {
                var definition = g.Select(x => x.Definition).OrderByDescending(d => d.Version).First();
                var established = g.Where(x => AsOf.Status(x.Process, asOf) == ProcessStatus.Established).ToList();
                return new CountrySummary(g.Key, definition.Id, definition.Benchmark.Days, g.Count(), established.Count,
                    g.Count(x => AsOf.Status(x.Process, asOf) == ProcessStatus.Active),
                    Statistics.Median(established.Select(x => AsOf.ElapsedDays(x.Process, asOf)).ToList()),
                    definition.Steps.Select(step =>
                    {
                        var done = spans.Where(s => s.Country == g.Key && s.StepId == step.Id && !s.Running).Select(s => s.Days).ToList();
                        return new PhaseSummary(step.Id, step.Benchmark.Days, Statistics.Median(done), done.Count);
                    }).ToList());
            })
            .ToList();
    }

    /// <summary>Per invited body: how quickly it answers, what it still owes, and how many reminders it took.</summary>
    public static IReadOnlyList<AgencySummary> Agencies(IEnumerable<ProcessOnDefinition> processes, DateOnly asOf,
        IReadOnlyDictionary<(Guid ProcessId, string BodyId), int>? remindersSent = null) =>
        processes.SelectMany(x => x.Process.Steps.SelectMany(s => s.Invitations.Select(i => (x.Process, Step: s, i))))
            .Where(t => AsOf.InvitationStatus(t.Step, t.i, asOf) is not null)
            .GroupBy(t => (t.Process.Country, t.i.BodyId))
            .OrderBy(g => g.Key.Country).ThenBy(g => g.Key.BodyId)
            .Select(g =>
            {
                var answered = g.Where(t => AsOf.InvitationStatus(t.Step, t.i, asOf) is InvitationStatus.Accepted or InvitationStatus.Declined)
                    .Select(t => Elapsed.Days(t.i.SentOn, t.i.RespondedOn!.Value)).ToList();
                var pending = g.Where(t => AsOf.InvitationStatus(t.Step, t.i, asOf) == InvitationStatus.Pending)
                    .Select(t => Elapsed.Days(t.i.SentOn, AsOf.End(t.Process, asOf))).ToList();
                // Invited counts the invitations sent; answered those accepted or declined; a closed, unanswered one is neither pending nor answered.
                return new AgencySummary(g.Key.Country, g.Key.BodyId, g.Count(), answered.Count, pending.Count,
                    Statistics.Median(answered), answered.Count == 0 ? null : answered.Max(), pending.Count == 0 ? null : pending.Max(),
                    g.Select(t => t.Process.Id).Distinct().Sum(id => remindersSent?.GetValueOrDefault((id, g.Key.BodyId)) ?? 0));
            })
            .ToList();
}
