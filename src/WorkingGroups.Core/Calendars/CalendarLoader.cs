using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Core.Calendars;

/// <summary>Every calendar of a folder (one file per country) and every mistake found in any of them.</summary>
public sealed record CalendarLoadResult(IReadOnlyList<WorkingCalendar> Calendars, IReadOnlyList<DefinitionError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Loads workflows/calendars/*.json: beside the definitions, checked as strictly.</summary>
public static class CalendarLoader
{
    public const string FolderName = "calendars";

    // A country's calendar for a few decades is a few hundred lines; anything far larger is a mistake.
    private const long MaxFileBytes = 1024 * 1024;

    /// <summary>The calendars folder of a definitions folder.</summary>
    public static string FolderOf(string definitionsFolder) => Path.Combine(definitionsFolder, FolderName);

    public static CalendarLoadResult LoadFolder(string folder)
    {
        var errors = new List<DefinitionError>();
        var calendars = new List<WorkingCalendar>();
        if (!Directory.Exists(folder)) return new([], errors);
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.Combine(FolderName, Path.GetFileName(path));
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                errors.Add(new DefinitionError(name, 0, "$", $"the file is larger than {MaxFileBytes / 1024} KiB; a calendar is far smaller."));
                continue;
            }
            if (CalendarParser.Parse(name, File.ReadAllText(path), errors) is not { } calendar) continue;
            if (calendars.FirstOrDefault(c => c.Country == calendar.Country) is { } first)
            {
                errors.Add(new DefinitionError(name, 1, "$.country", $"{calendar.Country} already has its calendar in {first.File}; a country has one file."));
                continue;
            }
            calendars.Add(calendar);
        }
        return new(calendars, errors);
    }

    /// <summary>
    /// A calendar without the given year (the year a process started today is live in) is an error at its
    /// <c>years</c>. A country without a calendar counts only weekends (a definition counting its working days is
    /// refused elsewhere).
    /// </summary>
    public static IEnumerable<DefinitionError> CheckCovers(IEnumerable<WorkingCalendar> calendars, IEnumerable<string> countries, int year)
    {
        foreach (var country in countries.Distinct().Order(StringComparer.Ordinal))
        {
            var calendar = calendars.FirstOrDefault(c => c.Country == country);
            if (calendar is not null && !calendar.Covers(year))
                yield return MissingYear(calendar, year, "a process started now");
        }
    }

    /// <summary>The error for a year a live process needs and the calendar lacks, at the line of its <c>years</c>.</summary>
    public static DefinitionError MissingYear(WorkingCalendar calendar, int year, string neededBy) =>
        new(calendar.File, calendar.YearsLine, "$.years", $"{calendar.Country} has no calendar for {year}, which {neededBy} needs; add the year's days off and working days.");
}
