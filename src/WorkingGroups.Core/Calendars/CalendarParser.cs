using System.Globalization;
using System.Text.Json;
using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Core.Calendars;

/// <summary>What can be wrong with one listed day.</summary>
public enum DayProblem { NoSuchDate, OtherYear, Twice, WeekdayWorked }

/// <summary>
/// Turns the text of one calendar file into a <see cref="WorkingCalendar"/>, or into the list of its mistakes, each at
/// its line: malformed JSON, then the schema (workflows/calendar.schema.json), then what a schema cannot say (a date
/// that does not exist, a date under another year, a day listed twice, a working day that is not a weekend day, an
/// unknown time zone).
/// </summary>
public static class CalendarParser
{
    public const string SchemaResourceName = "calendar.schema.json";

    private static readonly SchemaCheck Schema = new(SchemaResourceName);

    public static WorkingCalendar? Parse(string file, string text, List<DefinitionError> errors)
    {
        using var json = DefinitionText.Read(file, text, errors);
        if (json is null) return null;
        var before = errors.Count;
        errors.AddRange(Schema.Check(json));
        if (errors.Count > before) return null;

        var root = json.Root;
        var country = root.GetProperty("country").GetString()!;
        var zone = root.GetProperty("timeZone").GetString()!;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            errors.Add(json.Error("/timeZone", $"\"{zone}\" is not a time zone this machine knows (an IANA name such as Asia/Almaty)."));

        var years = new List<CalendarYear>();
        var seenYears = new Dictionary<int, int>();
        var seenDays = new Dictionary<DateOnly, int>();
        var list = root.GetProperty("years");
        for (var i = 0; i < list.GetArrayLength(); i++)
        {
            var pointer = DefinitionText.Child("/years", i);
            var item = list[i];
            var year = item.GetProperty("year").GetInt32();
            var line = json.PositionOf(DefinitionText.Child(pointer, "year")).Line;
            if (!seenYears.TryAdd(year, line))
            {
                errors.Add(json.Error(DefinitionText.Child(pointer, "year"), $"the year {year} is listed twice (first at line {seenYears[year]})."));
                continue;
            }
            var days = new List<CalendarDay>();
            days.AddRange(Days(json, pointer, "daysOff", CalendarDayKind.DayOff, year, seenDays, errors));
            days.AddRange(Days(json, pointer, "workingDays", CalendarDayKind.WorkingDay, year, seenDays, errors));
            years.Add(new CalendarYear(year, item.GetProperty("verified").GetBoolean(), item.GetProperty("source").GetString()!, days));
        }
        return errors.Count > before ? null : new WorkingCalendar(country, zone, years, file) { YearsLine = json.PositionOf("/years").Line };
    }

    private static IEnumerable<CalendarDay> Days(DefinitionText json, string yearPointer, string name, CalendarDayKind kind, int year,
        Dictionary<DateOnly, int> seen, List<DefinitionError> errors)
    {
        var listPointer = DefinitionText.Child(yearPointer, name);
        var list = json.At(listPointer)!.Value;
        for (var i = 0; i < list.GetArrayLength(); i++)
        {
            var at = DefinitionText.Child(DefinitionText.Child(listPointer, i), "date");
            var text = list[i].GetProperty("date").GetString()!;
            if (CheckDay(text, kind, year, json.PositionOf(at).Line, seen, out var date) is { } problem)
            {
                errors.Add(json.Error(at, Describe(problem, text, year, seen.GetValueOrDefault(date), date)));
                continue;
            }
            yield return new CalendarDay(date, kind, list[i].GetProperty("name").GetString()!);
        }
    }

    /// <summary>
    /// What is wrong with one listed day, or null: a date that does not exist, one under another year, one listed twice
    /// (<paramref name="seen"/> holds the lines of those listed so far), a weekday listed as worked. The file's loader and
    /// the admin page's form judge a day alike.
    /// </summary>
    public static DayProblem? CheckDay(string text, CalendarDayKind kind, int year, int line, Dictionary<DateOnly, int> seen, out DateOnly date)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return DayProblem.NoSuchDate;
        if (date.Year != year) return DayProblem.OtherYear;
        if (!seen.TryAdd(date, line)) return DayProblem.Twice;
        if (kind == CalendarDayKind.WorkingDay && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) return DayProblem.WeekdayWorked;
        return null;
    }

    /// <summary>The problem as the file's error says it (in English, as every definition error).</summary>
    public static string Describe(DayProblem problem, string text, int year, int firstLine, DateOnly date) => problem switch
    {
        DayProblem.NoSuchDate => $"\"{text}\" is not a day of the calendar (no such date, or not written yyyy-mm-dd).",
        DayProblem.OtherYear => $"{text} is listed under the year {year}.",
        DayProblem.Twice => $"{text} is listed twice (first at line {firstLine}).",
        _ => $"{text} is a {date.DayOfWeek}: a working day listed here is a Saturday or Sunday worked by decree.",
    };

    /// <summary>The schema's own text, as built in.</summary>
    internal static JsonElement SchemaDocument => Schema.Document;
}
