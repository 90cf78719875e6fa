using WorkingGroups.Core.Calendars;
using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Core.Reminders;

/// <summary>
/// When reminders fall due, in business dates: the n-th reminder is due FirstAfterDays + (n-1) * EveryDays after the
/// invitation was sent (or the step became active), moved to Monday when weekends are skipped. Reminder number
/// EscalateAfter + 1 is the escalation to the chairs and the coordinator, and the last one.
/// </summary>
public static class ReminderSchedule
{
    /// <param name="nextWorkingDay">
    /// The recipient country's next working day on or after a date (its calendar): when given, a reminder never falls on
    /// a day its offices do not work, weekend, public holiday or day moved by decree, whatever the policy says of weekends.
    /// </param>
    public static DateOnly DueOn(ReminderPolicy policy, DateOnly from, int sequence, Func<DateOnly, DateOnly>? nextWorkingDay = null)
    {
        var due = from.AddDays(policy.FirstAfterDays + (sequence - 1) * policy.EveryDays);
        if (nextWorkingDay is not null) return nextWorkingDay(due);
        return policy.SkipWeekends ? NextWorkday(due) : due;
    }

    public static DateOnly NextWorkday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    /// <summary>
    /// The latest reminder due by <paramref name="today"/>, or null when none is due yet. Reminders missed while the
    /// app was stopped are not caught up one by one: only the latest is sent.
    /// </summary>
    public static (int Sequence, DateOnly DueOn)? Latest(ReminderPolicy policy, DateOnly from, DateOnly today, Func<DateOnly, DateOnly>? nextWorkingDay = null)
    {
        (int, DateOnly)? latest = null;
        for (var sequence = 1; sequence <= policy.EscalateAfter + 1; sequence++)
        {
            var due = DueOn(policy, from, sequence, nextWorkingDay);
            if (due > today) break;
            latest = (sequence, due);
        }
        return latest;
    }

    public static ReminderKind KindOf(ReminderPolicy policy, int sequence) =>
        sequence > policy.EscalateAfter ? ReminderKind.Escalation : ReminderKind.Reminder;

    /// <summary>
    /// The first day a step is past its benchmark, counted in the benchmark's unit, and moved to the country's next
    /// working day when one is given (the notice goes out then).
    /// </summary>
    public static DateOnly OverdueOn(DateOnly activatedOn, int benchmarkDays, DayRuler? ruler = null, Func<DateOnly, DateOnly>? nextWorkingDay = null)
    {
        var day = (ruler ?? DayRuler.Calendar).DayAfter(activatedOn, benchmarkDays + 1);
        return nextWorkingDay is null ? day : nextWorkingDay(day);
    }
}
