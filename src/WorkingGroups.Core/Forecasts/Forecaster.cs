using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Forecasts;

/// <summary>
/// Simulates the rest of a process over its definition's steps, as the engine runs them: a step opens when every step
/// it waits for is done, a running step goes on from the days it has already taken, an invitations step ends when its
/// last silent body answers. Each run draws every remaining duration from <see cref="ForecastHistory"/>; the runs'
/// establishment dates give the median and the 80 % date. The seed is a digest of everything the forecast reads, so the
/// same data gives the same dates, and a new fact gives new ones.
/// </summary>
public static class Forecaster
{
    /// <summary>Null unless the process was running on the history's date.</summary>
    public static Forecast? Of(Process p, ProcessDefinition d, ForecastHistory history)
    {
        var asOf = history.AsOf;
        if (AsOf.Status(p, asOf) != ProcessStatus.Active) return null;
        var days = history.Unit(d);
        var steps = Ordered(d);
        var plans = new Plan[steps.Count];
        var index = steps.Select((s, i) => (s.Id, i)).ToDictionary(t => t.Id, t => t.i);
        var print = new Fingerprint();
        print.Add(p.Id.ToString());
        print.Add(asOf.DayNumber);
        var thin = false;
        for (var i = 0; i < steps.Count; i++)
        {
            var definition = steps[i];
            var step = p.Step(definition.Id)!;
            var status = AsOf.StepStatus(step, asOf);
            var model = history.Step(p.DefinitionId, definition);
            var (activatedOn, completedOn) = AsOf.Round(step, asOf);
            print.Add((long)status);
            print.Add((long)model.Print);
            if (status != StepStatus.Done && model.Finished < history.Settings.PriorWeight) thin = true;
            plans[i] = status switch
            {
                StepStatus.Done => new Plan(status, days.Between(asOf, completedOn!.Value), 0, model, [], []),
                StepStatus.Active => Running(p, step, definition, model, history, days, activatedOn!.Value, ref print),
                _ => new Plan(status, 0, 0, model, [], definition.After.Select(a => index[a]).ToArray()),
            };
        }

        var random = new SplitMix(print.Value);
        var runs = history.Settings.Runs;
        var ends = new double[runs];
        var stepEnds = new double[steps.Count];
        var startedAt = days.Between(asOf, p.StartedOn);
        for (var run = 0; run < runs; run++)
        {
            var last = double.MinValue;
            for (var i = 0; i < plans.Length; i++)
            {
                var plan = plans[i];
                stepEnds[i] = plan.Status switch
                {
                    StepStatus.Done => plan.Offset,
                    StepStatus.Active when plan.Silent.Length > 0 => LastAnswer(plan.Silent, ref random),
                    StepStatus.Active => plan.Model.Draw(ref random, plan.Taken) - plan.Taken,
                    _ => OpensAt(plan.After, stepEnds, startedAt) + plan.Model.Draw(ref random, -1),
                };
                last = Math.Max(last, stepEnds[i]);
            }
            ends[run] = last;
        }
        Array.Sort(ends);
        var benchmarkOn = days.Add(p.StartedOn, p.BenchmarkDays);
        var median = days.Add(asOf, (int)Math.Ceiling(Quantile(ends, 0.5)));
        var likely = days.Add(asOf, (int)Math.Ceiling(Quantile(ends, 0.8)));
        return new Forecast(asOf, median, likely, benchmarkOn, days.Between(benchmarkOn, median), runs, thin);
    }

    /// <summary>A running step: the days it has taken (rounds sent back included), or its bodies still silent.</summary>
    private static Plan Running(Process p, ProcessStep step, StepDefinition definition, Durations model, ForecastHistory history,
        IDayCount days, DateOnly activatedOn, ref Fingerprint print)
    {
        var asOf = history.AsOf;
        var taken = step.Rounds.Where(r => r.SentBackOn <= asOf).Sum(r => days.Between(r.ActivatedOn, r.CompletedOn)) + days.Between(activatedOn, asOf);
        print.Add(taken);
        var silent = new List<(Durations Body, double Waited)>();
        if (definition.Kind == StepKind.Invitations)
            foreach (var i in step.Invitations.Where(i => AsOf.InvitationStatus(step, i, asOf) == InvitationStatus.Pending))
            {
                var body = history.Body(p.DefinitionId, i.BodyId, definition);
                var waited = days.Between(i.SentOn, asOf);
                print.Add((long)body.Print);
                print.Add(waited);
                silent.Add((body, waited));
            }
        return new Plan(StepStatus.Active, 0, taken, model, [.. silent], []);
    }

    /// <summary>When a waiting step opens: the last of its prerequisites' ends (a loop: this runs runs × steps times).</summary>
    private static double OpensAt(int[] after, double[] ends, double startedAt)
    {
        if (after.Length == 0) return startedAt;
        var last = double.MinValue;
        foreach (var a in after) last = Math.Max(last, ends[a]);
        return last;
    }

    /// <summary>Days from the date until the last silent body answers.</summary>
    private static double LastAnswer((Durations Body, double Waited)[] silent, ref SplitMix random)
    {
        var last = 0.0;
        foreach (var (body, waited) in silent) last = Math.Max(last, body.Draw(ref random, waited) - waited);
        return last;
    }

    /// <summary>The steps in an order where each comes after those it waits for (the file's order need not be).</summary>
    private static List<StepDefinition> Ordered(ProcessDefinition d)
    {
        var placed = new HashSet<string>();
        var ordered = new List<StepDefinition>();
        while (ordered.Count < d.Steps.Count)
        {
            var next = d.Steps.Where(s => !placed.Contains(s.Id) && s.After.All(placed.Contains)).ToList();
            if (next.Count == 0) throw new InvalidOperationException($"{d.Id} v{d.Version}: the steps wait for each other in a cycle.");
            foreach (var s in next)
            {
                placed.Add(s.Id);
                ordered.Add(s);
            }
        }
        return ordered;
    }

    /// <summary>The q-quantile of sorted values (nearest rank).</summary>
    private static double Quantile(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <param name="Offset">A done step's completion, in days from the date.</param>
    /// <param name="Taken">The days a running step has taken by the date.</param>
    private sealed record Plan(StepStatus Status, double Offset, double Taken, Durations Model, (Durations Body, double Waited)[] Silent, int[] After);
}
