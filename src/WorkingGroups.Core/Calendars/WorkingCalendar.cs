namespace WorkingGroups.Core.Calendars;

/// <summary>What a listed day is: a weekday off (a holiday, a day moved by decree) or a weekend day worked.</summary>
public enum CalendarDayKind { DayOff, WorkingDay }

/// <summary>One listed day of a country's calendar, with what it is in English.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>One year of a country's calendar, and whether its dates were checked against the decrees.</summary>
public sealed record CalendarYear(int Year, bool Verified, string Source, IReadOnlyList<CalendarDay> Days)
{
    /// <summary>Who added the year on the admin page, and when (UTC); null for a year of the file.</summary>
    public string? AddedBy { get; init; }
    public DateTime? AddedAt { get; init; }
}

/// <summary>
/// A country's working days: Monday to Friday, less its days off, plus the weekend days worked by decree, for the years
/// it lists. A year it does not list is unknown: callers say so rather than guess.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDay> _days;
    private readonly Dictionary<int, CalendarYear> _years;

    public WorkingCalendar(string country, string timeZone, IEnumerable<CalendarYear> years, string file = "")
    {
        Country = country;
        TimeZone = timeZone;
        File = file;
        _years = years.ToDictionary(y => y.Year);
        _days = _years.Values.SelectMany(y => y.Days).GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.Last());
    }

    public string Country { get; }
    /// <summary>The IANA zone whose date is the country's today.</summary>
    public string TimeZone { get; }
    /// <summary>The file it came from, for messages.</summary>
    public string File { get; }
    /// <summary>The line of the file's <c>years</c>, where a missing year is reported.</summary>
    public int YearsLine { get; init; }

    public IEnumerable<CalendarYear> Years => _years.Values.OrderBy(y => y.Year);

    public CalendarYear? Year(int year) => _years.GetValueOrDefault(year);

    public bool Covers(int year) => _years.ContainsKey(year);

    /// <summary>The years between two dates (both included) the calendar does not list.</summary>
    public IReadOnlyList<int> MissingYears(DateOnly from, DateOnly to) =>
        Enumerable.Range(from.Year, Math.Max(0, to.Year - from.Year + 1)).Where(y => !Covers(y)).ToList();

    /// <summary>The listed day, if the date is one.</summary>
    public CalendarDay? Day(DateOnly date) => _days.GetValueOrDefault(date);

    /// <summary>
    /// Whether offices work that day. In a year the calendar does not list, only the weekend is known to be off.
    /// </summary>
    public bool IsWorkingDay(DateOnly date) => _days.TryGetValue(date, out var day)
        ? day.Kind == CalendarDayKind.WorkingDay
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The date itself when offices work that day, else the next day they do.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        // A calendar never lists a year of days off; the bound only keeps a broken one from looping.
        for (var i = 0; i < 366 && !IsWorkingDay(date); i++) date = date.AddDays(1);
        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 on the same day).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d)) count++;
        }
        return count;
    }

    /// <summary>This calendar with more days (an admin's additions), a later listing of a date replacing an earlier one.</summary>
    public WorkingCalendar With(IEnumerable<CalendarYear> added)
    {
        var years = _years.Values.ToDictionary(y => y.Year);
        foreach (var year in added)
        {
            years[year.Year] = years.TryGetValue(year.Year, out var existing)
                ? existing with { Days = [.. existing.Days.Where(d => year.Days.All(a => a.Date != d.Date)), .. year.Days] }
                : year;
        }
        return new WorkingCalendar(Country, TimeZone, years.Values, File) { YearsLine = YearsLine };
    }
}
