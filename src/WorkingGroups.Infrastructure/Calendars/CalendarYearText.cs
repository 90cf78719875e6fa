using WorkingGroups.Core.Calendars;

namespace WorkingGroups.Infrastructure.Calendars;

/// <summary>One mistake in the days an admin typed: its line in the text, and what is wrong (a text key and its values).</summary>
public sealed record DayLineError(int Line, string Key, string Text);

/// <summary>
/// The days of a year as an admin types them on the page, one a line: <c>2028-01-01 off New Year</c> or
/// <c>2028-01-08 work Working Saturday (decree)</c>; blank lines are skipped. Judged by the calendar files' own rules.
/// </summary>
public static class CalendarYearText
{
    public const int MaxDays = 200;
    public const int MaxName = 200;

    public static (IReadOnlyList<CalendarDay> Days, IReadOnlyList<DayLineError> Errors) Read(string? text, int year)
    {
        var days = new List<CalendarDay>();
        var errors = new List<DayLineError>();
        var seen = new Dictionary<DateOnly, int>();
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            CalendarDayKind? kind = parts.Length < 2 ? null : parts[1] switch { "off" => CalendarDayKind.DayOff, "work" => CalendarDayKind.WorkingDay, _ => null };
            if (parts.Length < 3 || kind is null || parts[2].Length > MaxName)
            {
                errors.Add(new DayLineError(i + 1, "Calendars.LineShape", line));
                continue;
            }
            if (CalendarParser.CheckDay(parts[0], kind.Value, year, i + 1, seen, out var date) is { } problem)
            {
                errors.Add(new DayLineError(i + 1, "Calendars.Problem." + problem, parts[0]));
                continue;
            }
            days.Add(new CalendarDay(date, kind.Value, parts[2]));
        }
        if (days.Count == 0 && errors.Count == 0) errors.Add(new DayLineError(0, "Calendars.NoDays", ""));
        if (days.Count > MaxDays) errors.Add(new DayLineError(0, "Calendars.TooManyDays", MaxDays.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (days, errors);
    }
}
