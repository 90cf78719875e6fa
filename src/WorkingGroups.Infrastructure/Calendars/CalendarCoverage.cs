using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Calendars;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Calendars;

/// <summary>
/// At start-up, names every calendar year a live process needs and its country's calendar lacks (file and line of its
/// <c>years</c>), as a warning: the app must still start on 1 January before the year's decree is out, and the
/// process's page says the same to its readers.
/// </summary>
internal sealed class CalendarCoverage(IDbContextFactory<AppDbContext> contexts, WorkingCalendars calendars, IClock clock, ILogger<CalendarCoverage> logger)
    : IStartupWork
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var live = await db.Processes.AsNoTracking().Where(p => p.Status == ProcessStatus.Active)
            .GroupBy(p => p.Country).Select(g => new { Country = g.Key, From = g.Min(p => p.StartedOn) }).ToListAsync(cancellationToken);
        foreach (var country in live)
        {
            if (calendars.For(country.Country) is not { } calendar) continue;
            foreach (var year in calendar.MissingYears(country.From, clock.TodayIn(country.Country)))
                logger.LogWarning("{Error}", CalendarLoader.MissingYear(calendar, year, "a live process").ToString());
        }
    }
}
