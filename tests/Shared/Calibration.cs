using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Forecasts;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Testing;

/// <summary>
/// Histories with known durations, and their replay: shared by the calibration test and the benchmark (linked into
/// both), so that both measure the same thing.
/// </summary>
public static class Calibration
{
    /// <summary>
    /// <paramref name="count"/> processes on <paramref name="definition"/>, started evenly over three years from
    /// <paramref name="from"/>, each step taking a log-normal number of days (median: its benchmark times a factor of
    /// the step's own, from 0.7 to 1.6; sigma 0.6), an invitations step ending with its last body's answer (each body
    /// log-normal too). Every process runs to its establishment; the replay only ever sees what happened by its date.
    /// </summary>
    public static List<ProcessOnDefinition> Generate(ProcessDefinition definition, int count, DateOnly from, int seed)
    {
        var random = new Random(seed);
        var far = new DateOnly(2099, 1, 1);
        double LogNormal(double median) => median * Math.Exp(0.6 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        double Factor(string bodyId) => 0.6 + definition.Bodies.ToList().FindIndex(b => b.Id == bodyId) % 5 * 0.25;
        var factors = definition.Steps.ToDictionary(s => s.Id, s => 0.7 + definition.Steps.ToList().IndexOf(s) % 4 * 0.3);
        var list = new List<ProcessOnDefinition>(count);
        for (var n = 0; n < count; n++)
        {
            var p = Process.Start(definition, from.AddDays(n * 1095 / count), $"Generated {n}", "calibration", DateTime.UnixEpoch, far);
            while (p.Status == ProcessStatus.Active)
            {
                foreach (var step in p.Steps.Where(s => s.Status == StepStatus.Active).ToList())
                {
                    var d = definition.FindStep(step.StepId)!;
                    var days = (int)Math.Round(LogNormal(d.Benchmark.Days * factors[d.Id]));
                    if (d.Kind != StepKind.Invitations)
                        p.Complete(definition, d.Id, new CompleteStep(step.ActivatedOn!.Value.AddDays(days), null, null), far);
                    else
                        foreach (var i in step.Invitations.ToList())
                            p.Answer(definition, d.Id, i.BodyId, new AnswerInvitation(InvitationResponse.Accepted,
                                i.SentOn.AddDays((int)Math.Round(LogNormal(d.Benchmark.Days * Factor(i.BodyId)))), new Nominee("N", null, null), null), far);
                }
            }
            list.Add(new ProcessOnDefinition(p, definition));
        }
        return list;
    }

    /// <summary>How often the real establishment fell by the forecast's 80 % date, and by its median.</summary>
    public sealed record Coverage(int Cases, int By80, int ByMedian)
    {
        public double Share80 => Cases == 0 ? 0 : (double)By80 / Cases;
        public double ShareMedian => Cases == 0 ? 0 : (double)ByMedian / Cases;

        public static Coverage operator +(Coverage a, Coverage b) => new(a.Cases + b.Cases, a.By80 + b.By80, a.ByMedian + b.ByMedian);
    }

    /// <summary>Forecasts every process that was running on each date, from the history as it stood then, against its real end.</summary>
    public static Coverage Replay(IReadOnlyList<ProcessOnDefinition> processes, IEnumerable<DateOnly> dates, ForecastSettings? settings = null)
    {
        var coverage = new Coverage(0, 0, 0);
        foreach (var date in dates)
        {
            var history = new ForecastHistory(processes, date, settings: settings);
            foreach (var x in processes)
            {
                if (x.Process.EstablishedOn is not { } end || Forecaster.Of(x.Process, x.Definition, history) is not { } forecast) continue;
                coverage += new Coverage(1, end <= forecast.LikelyBy ? 1 : 0, end <= forecast.MedianOn ? 1 : 0);
            }
        }
        return coverage;
    }
}
