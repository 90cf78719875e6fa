using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Dashboards;

/// <summary>
/// A process as it stood at the end of a business date: what had started, been completed or answered by then. Every
/// dashboard figure is computed from these, so a view "as of" a past date needs no stored history.
/// </summary>
public static class AsOf
{
    /// <summary>Null when the process had not started yet.</summary>
    public static ProcessStatus? Status(Process p, DateOnly date) =>
        p.StartedOn > date ? null
        : p.EstablishedOn <= date ? ProcessStatus.Established
        : p.CancelledOn <= date ? ProcessStatus.Cancelled
        : ProcessStatus.Active;

    /// <summary>The day the process's clock stopped (established or cancelled), or the date itself while it ran.</summary>
    public static DateOnly End(Process p, DateOnly date) =>
        p.EstablishedOn is { } e && e <= date ? e : p.CancelledOn is { } c && c <= date ? c : date;

    public static int ElapsedDays(Process p, DateOnly date) => Elapsed.Days(p.StartedOn, End(p, date));

    public static StepStatus StepStatus(ProcessStep s, DateOnly date) => Round(s, date) switch
    {
        (null, _) => Processes.StepStatus.Blocked,
        var (a, _) when a > date => Processes.StepStatus.Blocked,
        (_, { } c) when c <= date => Processes.StepStatus.Done,
        _ => Processes.StepStatus.Active,
    };

    /// <summary>
    /// The round of a step under way on the date: an earlier round until the day it was sent back for revision, else
    /// the current one.
    /// </summary>
    public static (DateOnly? ActivatedOn, DateOnly? CompletedOn) Round(ProcessStep s, DateOnly date) =>
        s.Rounds.FirstOrDefault(r => date < r.SentBackOn) is { } r ? (r.ActivatedOn, r.CompletedOn) : (s.ActivatedOn, s.CompletedOn);

    /// <summary>How many times the step had been sent back for revision by the date.</summary>
    public static int SentBack(ProcessStep s, DateOnly date) => s.Rounds.Count(r => r.SentBackOn <= date);

    /// <summary>
    /// Days from activation to completion, or to the end of the process's clock while running, with the rounds sent
    /// back before the date; null if not started.
    /// </summary>
    public static int? StepDays(Process p, ProcessStep s, DateOnly date)
    {
        var (activatedOn, completedOn) = Round(s, date);
        var earlier = s.Rounds.Where(r => r.SentBackOn <= date).Sum(r => r.Days);
        return StepStatus(s, date) switch
        {
            Processes.StepStatus.Done => earlier + Elapsed.Days(activatedOn!.Value, completedOn!.Value),
            Processes.StepStatus.Active => earlier + Elapsed.Days(activatedOn!.Value, End(p, date)),
            _ => null,
        };
    }

    /// <summary>
    /// Null when the invitation had not been sent by then; pending until the answer's date. A missing answer recorded
    /// when the coordinator closed the step counts from the step's completion.
    /// </summary>
    public static InvitationStatus? InvitationStatus(ProcessStep step, Invitation i, DateOnly date) =>
        i.SentOn > date ? null
        : i.Status == Processes.InvitationStatus.NoResponse ? (step.CompletedOn <= date ? i.Status : Processes.InvitationStatus.Pending)
        : i.RespondedOn is { } r && r <= date ? i.Status
        : Processes.InvitationStatus.Pending;
}
