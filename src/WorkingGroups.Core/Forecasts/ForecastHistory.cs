using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Forecasts;

/// <summary>
/// The durations an installation has seen by a date, per definition: each step's (with the rounds sent back), and each
/// invited body's answer time. Only what had happened by the date counts, so a forecast as of a past date reads the
/// history as it stood then. Built once for many forecasts (a page, a request); the models it derives are kept.
/// </summary>
public sealed class ForecastHistory
{
    private readonly Dictionary<(string Definition, string Step), List<Observation>> _steps = [];
    private readonly Dictionary<(string Definition, string Body), List<Observation>> _bodies = [];
    private readonly Dictionary<(string, string, int, bool), Durations> _models = [];

    /// <param name="unit">The day count of a definition's processes (calendar days, or a country's working days).</param>
    public ForecastHistory(IEnumerable<ProcessOnDefinition> processes, DateOnly asOf, Func<ProcessDefinition, IDayCount>? unit = null,
        ForecastSettings? settings = null)
    {
        AsOf = asOf;
        Unit = unit ?? (_ => CalendarDays.Instance);
        Settings = settings ?? ForecastSettings.Default;
        foreach (var x in processes)
        {
            var p = x.Process;
            var days = Unit(x.Definition);
            if (Dashboards.AsOf.Status(p, asOf) is null) continue;
            foreach (var s in p.Steps)
            {
                var status = Dashboards.AsOf.StepStatus(s, asOf);
                if (status == StepStatus.Blocked) continue;
                var (activatedOn, completedOn) = Dashboards.AsOf.Round(s, asOf);
                var earlier = s.Rounds.Where(r => r.SentBackOn <= asOf).Sum(r => days.Between(r.ActivatedOn, r.CompletedOn));
                var finished = status == StepStatus.Done;
                var until = finished ? completedOn!.Value : Dashboards.AsOf.End(p, asOf);
                Add(_steps, (p.DefinitionId, s.StepId), new Observation(earlier + days.Between(activatedOn!.Value, until), finished));
                foreach (var i in s.Invitations)
                {
                    var answered = Dashboards.AsOf.InvitationStatus(s, i, asOf);
                    if (answered is null) continue;
                    var end = answered is InvitationStatus.Accepted or InvitationStatus.Declined ? i.RespondedOn!.Value
                        : answered == InvitationStatus.NoResponse ? s.CompletedOn!.Value
                        : Dashboards.AsOf.End(p, asOf);
                    Add(_bodies, (p.DefinitionId, i.BodyId),
                        new Observation(days.Between(i.SentOn, end), answered is InvitationStatus.Accepted or InvitationStatus.Declined));
                }
            }
        }
    }

    public DateOnly AsOf { get; }
    public Func<ProcessDefinition, IDayCount> Unit { get; }
    public ForecastSettings Settings { get; }

    /// <summary>A step's durations on a definition, with the prior centred on its benchmark in the forecast process's version.</summary>
    public Durations Step(string definitionId, StepDefinition step) => Model(_steps, definitionId, step.Id, step.Benchmark.Days, false);

    /// <summary>A body's answer times on a definition, with the prior centred on the invitations step's benchmark.</summary>
    public Durations Body(string definitionId, string bodyId, StepDefinition step) => Model(_bodies, definitionId, bodyId, step.Benchmark.Days, true);

    private Durations Model(Dictionary<(string, string), List<Observation>> source, string definitionId, string id, int benchmark, bool body)
    {
        if (_models.TryGetValue((definitionId, id, benchmark, body), out var model)) return model;
        model = new Durations(source.GetValueOrDefault((definitionId, id)) ?? [], benchmark, Settings);
        _models[(definitionId, id, benchmark, body)] = model;
        return model;
    }

    private static void Add<TKey>(Dictionary<TKey, List<Observation>> into, TKey key, Observation o) where TKey : notnull
    {
        if (!into.TryGetValue(key, out var list)) into[key] = list = [];
        list.Add(o);
    }
}
