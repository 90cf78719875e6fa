using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>What is due about one process today, from the engine's projection: pending invitations, active and overdue steps.</summary>
internal static class ReminderPlan
{
    public static IEnumerable<Reminder> Due(Process process, ProcessDefinition definition, DateOnly today, DateTime now)
    {
        foreach (var stepDefinition in definition.Steps)
        {
            var step = process.Step(stepDefinition.Id);
            if (step?.Status != StepStatus.Active || step.ActivatedOn is not { } activatedOn) continue;
            var policy = definition.ReminderPolicyFor(stepDefinition);
            if (stepDefinition.Kind == StepKind.Invitations)
            {
                foreach (var invitation in step.Invitations.Where(i => i.Status == InvitationStatus.Pending))
                {
                    if (Next(process, step.StepId, invitation.BodyId, policy, invitation.SentOn, today, now) is { } reminder) yield return reminder;
                }
            }
            else if (Next(process, step.StepId, stepDefinition.OwnerBodyId, policy, activatedOn, today, now) is { } reminder)
            {
                yield return reminder;
            }

            var overdueOn = ReminderSchedule.OverdueOn(activatedOn, step.BenchmarkDays);
            if (overdueOn <= today)
                yield return New(process, step.StepId, stepDefinition.OwnerBodyId, ReminderKind.Overdue, 1, overdueOn, now);
        }
    }

    /// <summary>"Is it still worth sending?": the job asks again right before it sends.</summary>
    public static bool StillRelevant(Reminder reminder, Process process)
    {
        if (process.Status != ProcessStatus.Active) return false;
        var step = process.Step(reminder.StepId);
        if (step?.Status != StepStatus.Active) return false;
        var invitation = step.Invitations.FirstOrDefault(i => i.BodyId == reminder.BodyId);
        return reminder.Kind == ReminderKind.Overdue || invitation is null || invitation.Status == InvitationStatus.Pending;
    }

    private static Reminder? Next(Process process, string stepId, string bodyId, ReminderPolicy policy, DateOnly from, DateOnly today, DateTime now) =>
        ReminderSchedule.Latest(policy, from, today) is { } latest
            ? New(process, stepId, bodyId, ReminderSchedule.KindOf(policy, latest.Sequence), latest.Sequence, latest.DueOn, now)
            : null;

    public static Reminder New(Process process, string stepId, string bodyId, ReminderKind kind, int sequence, DateOnly dueOn, DateTime now) => new()
    {
        ProcessId = process.Id,
        StepId = stepId,
        BodyId = bodyId,
        Kind = kind,
        Sequence = sequence,
        DueOn = dueOn,
        Status = MailStatus.Due,
        CreatedAt = now,
    };
}
