using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Calendars;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>What is due about one process today, from the engine's projection: pending invitations, active and overdue steps.</summary>
internal static class ReminderPlan
{
    /// <param name="calendars">
    /// The working calendars: a reminder, an escalation or an overdue notice due on a day the recipient country's offices
    /// do not work is due on its next working day; the overdue day counts in the benchmark's unit.
    /// </param>
    public static IEnumerable<Reminder> Due(Process process, ProcessDefinition definition, DateOnly today, DateTime now, WorkingCalendars? calendars = null)
    {
        Func<DateOnly, DateOnly>? next = calendars?.For(process.Country) is { } calendar ? calendar.NextWorkingDay : null;
        var ruler = calendars?.RulerFor(definition);
        foreach (var stepDefinition in definition.Steps)
        {
            var step = process.Step(stepDefinition.Id);
            if (step?.Status != StepStatus.Active || step.ActivatedOn is not { } activatedOn) continue;
            var policy = definition.ReminderPolicyFor(stepDefinition);
            if (stepDefinition.Kind == StepKind.Invitations)
            {
                foreach (var invitation in step.Invitations.Where(i => i.Status == InvitationStatus.Pending))
                {
                    if (Next(process, step.StepId, invitation.BodyId, policy, invitation.SentOn, today, now, next) is { } reminder) yield return reminder;
                }
            }
            else if (Next(process, step.StepId, stepDefinition.OwnerBodyId, policy, activatedOn, today, now, next) is { } reminder)
            {
                yield return reminder;
            }

            var overdueOn = ReminderSchedule.OverdueOn(activatedOn, step.BenchmarkDays, ruler, next);
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

    private static Reminder? Next(Process process, string stepId, string bodyId, ReminderPolicy policy, DateOnly from, DateOnly today, DateTime now,
        Func<DateOnly, DateOnly>? nextWorkingDay) =>
        ReminderSchedule.Latest(policy, from, today, nextWorkingDay) is { } latest
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
