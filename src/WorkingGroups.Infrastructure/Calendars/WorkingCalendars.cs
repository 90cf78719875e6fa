using WorkingGroups.Core.Calendars;
using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Infrastructure.Calendars;

/// <summary>
/// The countries' working calendars (workflows/calendars/), loaded once at start-up: which days their offices work,
/// the unit a definition's benchmarks count in, and the time zone whose date is the country's today.
/// </summary>
public sealed class WorkingCalendars(IEnumerable<WorkingCalendar> calendars)
{
    private readonly IReadOnlyList<WorkingCalendar> _files = calendars.ToList();
    // Replaced whole when an admin adds a year: readers see the old set or the new one, never half of one.
    private volatile IReadOnlyDictionary<string, WorkingCalendar> _byCountry = calendars.ToDictionary(c => c.Country);

    /// <summary>The files' calendars with the years admins added layered over them (a file's own year is never replaced).</summary>
    public void Apply(IEnumerable<CalendarYearRecord> added)
    {
        var byCountry = added.ToLookup(y => y.Country);
        _byCountry = _files.ToDictionary(c => c.Country, c => c.With(byCountry[c.Country].Where(y => !c.Covers(y.Year))
            .Select(y => new CalendarYear(y.Year, y.Verified, y.Source, CalendarYearText.Read(y.Days, y.Year).Days) { AddedBy = y.AddedBy, AddedAt = y.AddedAt })));
    }

    public IEnumerable<WorkingCalendar> All => _byCountry.Values.OrderBy(c => c.Country, StringComparer.Ordinal);

    /// <summary>The country's calendar; null for a country without one (its weekends alone are known).</summary>
    public WorkingCalendar? For(string country) => _byCountry.GetValueOrDefault(country);

    /// <summary>What the definition's benchmarks count: its country's working days when it says so, else calendar days.</summary>
    public DayRuler RulerFor(ProcessDefinition definition) =>
        definition.BenchmarkUnit == BenchmarkUnit.WorkingDays && For(definition.Country) is { } calendar ? DayRuler.Working(calendar) : DayRuler.Calendar;

    /// <summary>The zone whose date is the country's today; UTC for a country without a calendar.</summary>
    public TimeZoneInfo ZoneOf(string country) =>
        For(country) is { } calendar && TimeZoneInfo.TryFindSystemTimeZoneById(calendar.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// The first working day on or after a date in the country (a reminder due on a holiday goes then); with no calendar,
    /// or for a year it lacks, only the weekend is passed over.
    /// </summary>
    public DateOnly NextWorkingDay(string country, DateOnly date) =>
        For(country) is { } calendar ? calendar.NextWorkingDay(date) : WeekendsOnly.NextWorkingDay(date);

    /// <summary>Whether the country's offices work that day (for a country without a calendar, every weekday).</summary>
    public bool IsWorkingDay(string country, DateOnly date) => (For(country) ?? WeekendsOnly).IsWorkingDay(date);

    private static readonly WorkingCalendar WeekendsOnly = new("", "UTC", []);
}
