using WorkingGroups.Core.Calendars;
using WorkingGroups.Core.Definitions;
using WorkingGroups.UnitTests.Definitions;

namespace WorkingGroups.UnitTests.Calendars;

/// <summary>The calendar files: the shipped ones load whole, and a mistake is named at its file and line.</summary>
public sealed class CalendarFileTests
{
    internal static string CalendarsFolder() => CalendarLoader.FolderOf(RepositoryDefinitionsTests.WorkflowsFolder());

    internal static WorkingCalendar Shipped(string country) =>
        Assert.Single(CalendarLoader.LoadFolder(CalendarsFolder()).Calendars, c => c.Country == country);

    [Fact]
    public void The_shipped_calendars_cover_2022_to_2027_for_each_country_with_its_time_zone()
    {
        var loaded = CalendarLoader.LoadFolder(CalendarsFolder());
        Assert.Empty(loaded.Errors);
        Assert.Equal(["KZ", "TJ", "UZ"], loaded.Calendars.Select(c => c.Country).Order());
        foreach (var calendar in loaded.Calendars)
        {
            Assert.Equal(Enumerable.Range(2022, 6), calendar.Years.Select(y => y.Year));
            Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(calendar.TimeZone, out _), calendar.TimeZone);
        }
        var kz = Shipped("KZ");
        Assert.False(kz.IsWorkingDay(new DateOnly(2025, 3, 24))); // Nauryz on a Saturday, moved to Monday
        Assert.True(kz.IsWorkingDay(new DateOnly(2025, 1, 5)));   // the Sunday worked for Friday 3 January
        Assert.False(kz.Year(2027)!.Verified);                    // no decree yet: said so in the file
    }

    private const string Good = """
        {
          "country": "KZ",
          "timeZone": "Asia/Almaty",
          "years": [
            {
              "year": 2025, "verified": true, "source": "a test",
              "daysOff": [
                { "date": "2025-03-21", "name": "Nauryz" },
                { "date": "2025-02-30", "name": "no such day" },
                { "date": "2024-03-22", "name": "under the wrong year" },
                { "date": "2025-03-21", "name": "Nauryz again" }
              ],
              "workingDays": [
                { "date": "2025-01-08", "name": "a Wednesday is no weekend" }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void An_impossible_date_a_date_under_another_year_a_day_listed_twice_and_a_weekday_worked_are_named_at_their_lines()
    {
        var errors = new List<DefinitionError>();
        Assert.Null(CalendarParser.Parse("calendars/kz.json", Good, errors));
        Assert.Collection(errors.OrderBy(e => e.Line),
            e => Assert.Equal((DefinitionFiles.LineOf(Good, "2025-02-30"), true), (e.Line, e.Message.Contains("no such date"))),
            e => Assert.Equal((DefinitionFiles.LineOf(Good, "2024-03-22"), true), (e.Line, e.Message.Contains("under the year 2025"))),
            e => Assert.Equal((DefinitionFiles.LineOf(Good, "Nauryz again"), true), (e.Line, e.Message.Contains($"listed twice (first at line {DefinitionFiles.LineOf(Good, "\"Nauryz\"")})"))),
            e => Assert.Equal((DefinitionFiles.LineOf(Good, "2025-01-08"), true), (e.Line, e.Message.Contains("Wednesday"))));
        Assert.All(errors, e => Assert.Equal("calendars/kz.json", e.File));
    }

    [Fact]
    public void A_shape_the_schema_refuses_and_an_unknown_time_zone_are_named_at_their_lines()
    {
        var text = Good.Replace("\"Asia/Almaty\"", "\"Asia/Nowhere\"").Replace("\"verified\": true", "\"verified\": \"yes\"");
        var errors = new List<DefinitionError>();
        Assert.Null(CalendarParser.Parse("calendars/kz.json", text, errors));
        Assert.Contains(errors, e => e.Line == DefinitionFiles.LineOf(text, "\"yes\"") && e.Path.EndsWith(".verified", StringComparison.Ordinal));
        var fixedShape = Good.Replace("\"Asia/Almaty\"", "\"Asia/Nowhere\"").Replace("2025-02-30", "2025-02-28").Replace("2024-03-22", "2025-03-22")
            .Replace("{ \"date\": \"2025-03-21\", \"name\": \"Nauryz again\" }", "{ \"date\": \"2025-03-24\", \"name\": \"moved\" }").Replace("2025-01-08", "2025-01-05");
        errors.Clear();
        Assert.Null(CalendarParser.Parse("calendars/kz.json", fixedShape, errors));
        var zone = Assert.Single(errors);
        Assert.Equal(DefinitionFiles.LineOf(fixedShape, "Asia/Nowhere"), zone.Line);
    }

    [Fact]
    public void A_year_missing_for_a_live_process_is_named_at_the_calendar_s_years()
    {
        var kz = Shipped("KZ");
        var error = Assert.Single(CalendarLoader.CheckCovers([kz], ["KZ"], 2028));
        Assert.Equal(("calendars/kz.json", DefinitionFiles.LineOf(File.ReadAllText(Path.Combine(CalendarsFolder(), "kz.json")), "\"years\"")), (error.File, error.Line));
        Assert.Contains("2028", error.Message);
        Assert.Empty(CalendarLoader.CheckCovers([kz], ["KZ"], 2027));
    }
}
