using WorkingGroups.Core.Calendars;
using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Infrastructure.Calendars;

/// <summary>What the definitions need of the calendars, checked by <c>validate</c> and at start-up.</summary>
public static class CalendarsCheck
{
    /// <summary>
    /// The calendar files' own mistakes, then every country whose definition counts working days without a calendar.
    /// </summary>
    public static CalendarLoadResult Load(string definitionsFolder, IEnumerable<ProcessDefinition> definitions)
    {
        var result = CalendarLoader.LoadFolder(CalendarLoader.FolderOf(definitionsFolder));
        var errors = result.Errors.ToList();
        foreach (var definition in definitions.Where(d => d.BenchmarkUnit == BenchmarkUnit.WorkingDays)
                     .Where(d => result.Calendars.All(c => c.Country != d.Country)).DistinctBy(d => d.Country))
        {
            errors.Add(new DefinitionError(definition.File, 1, "$.benchmarkUnit",
                $"the benchmarks count working days, but {definition.Country} has no calendar (calendars/{definition.Country.ToLowerInvariant()}.json)."));
        }
        return result with { Errors = errors };
    }
}
