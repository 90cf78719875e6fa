using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.UnitTests.Processes;

namespace WorkingGroups.UnitTests.Forecasts;

/// <summary>Processes on the engine tests' definition, each step taking the days asked, recorded through the engine's commands.</summary>
internal static class History
{
    public static readonly ProcessDefinition Definition = EngineDefinition.Definition;

    private static readonly DateOnly Later = new(2035, 1, 1);

    /// <summary>A process started on <paramref name="start"/> whose steps take the given days; a step left out stays open.</summary>
    public static Process Run(DateOnly start, int? draft, int? letter, int? invite, int? approve, int? publish, int? waterAnswers = null, int? energyAnswers = null)
    {
        var p = Process.Start(Definition, start, null, "tests", DateTime.UtcNow, start);
        void Done(string step, int? days)
        {
            if (days is null || p.Step(step)!.Status != StepStatus.Active) return;
            p.Complete(Definition, step, new CompleteStep(p.Step(step)!.ActivatedOn!.Value.AddDays(days.Value), null, null), Later);
        }
        Done("draft", draft);
        Done("letter", letter);
        Done("publish", publish);
        if (invite is { } i && p.Step("invite")!.Status == StepStatus.Active)
        {
            var sent = p.Step("invite")!.ActivatedOn!.Value;
            Answer(p, "water", sent.AddDays(Math.Min(i, waterAnswers ?? i)));
            Answer(p, "energy", sent.AddDays(i));
        }
        else if (p.Step("invite")!.Status == StepStatus.Active)
        {
            if (waterAnswers is { } w) Answer(p, "water", p.Step("invite")!.ActivatedOn!.Value.AddDays(w));
            if (energyAnswers is { } e) Answer(p, "energy", p.Step("invite")!.ActivatedOn!.Value.AddDays(e));
        }
        Done("approve", approve);
        return p;
    }

    private static void Answer(Process p, string body, DateOnly on) =>
        p.Answer(Definition, "invite", body, new AnswerInvitation(InvitationResponse.Accepted, on, new Nominee("A. Person", null, null), null), Later);

    public static List<ProcessOnDefinition> On(IEnumerable<Process> processes) => processes.Select(p => new ProcessOnDefinition(p, Definition)).ToList();
}
