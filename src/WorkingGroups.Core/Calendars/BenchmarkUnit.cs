namespace WorkingGroups.Core.Calendars;

/// <summary>What a definition's benchmarks count: every day, or only the days its country's offices work.</summary>
public enum BenchmarkUnit { CalendarDays, WorkingDays }

/// <summary>
/// Counts the days between two dates in a benchmark's unit: calendar days, or the working days of the process's
/// country. Elapsed time is shown in the unit its benchmark is stated in, so a reader compares like with like.
/// </summary>
public sealed class DayRuler
{
    private readonly WorkingCalendar? _calendar;

    private DayRuler(BenchmarkUnit unit, WorkingCalendar? calendar)
    {
        Unit = unit;
        _calendar = calendar;
    }

    public static DayRuler Calendar { get; } = new(BenchmarkUnit.CalendarDays, null);

    public static DayRuler Working(WorkingCalendar calendar) => new(BenchmarkUnit.WorkingDays, calendar);

    public BenchmarkUnit Unit { get; }

    /// <summary>Days after <paramref name="from"/> up to and including <paramref name="to"/> (0 on the same day).</summary>
    public int Between(DateOnly from, DateOnly to) =>
        _calendar is null ? to.DayNumber - from.DayNumber : _calendar.WorkingDaysBetween(from, to);

    /// <summary>The date on which <paramref name="count"/> days in this unit have passed since <paramref name="from"/>.</summary>
    public DateOnly DayAfter(DateOnly from, int count)
    {
        if (_calendar is null) return from.AddDays(count);
        var day = from;
        for (var passed = 0; passed < count;)
        {
            day = day.AddDays(1);
            if (_calendar.IsWorkingDay(day)) passed++;
        }
        return day;
    }

    /// <summary>The years between two dates this ruler cannot count for want of a calendar year (none for calendar days).</summary>
    public IReadOnlyList<int> MissingYears(DateOnly from, DateOnly to) => _calendar?.MissingYears(from, to) ?? [];
}
