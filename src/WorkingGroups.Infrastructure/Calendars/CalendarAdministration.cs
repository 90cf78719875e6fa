using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Calendars;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Calendars;

/// <summary>A refusal of the page's form: what is wrong, as text keys, each with its line in the typed days (0: the whole form).</summary>
public sealed class CalendarYearRefused(IReadOnlyList<DayLineError> errors) : Exception("the calendar year was refused")
{
    public IReadOnlyList<DayLineError> Errors { get; } = errors;
}

/// <summary>
/// Admins add a country's next year to its calendar when the decree is out, without a deployment: the year is stored
/// as a row layered over the calendar file (decision 0029) and the calendars in memory are rebuilt from both.
/// </summary>
public sealed class CalendarAdministration(IDbContextFactory<AppDbContext> contexts, WorkingCalendars calendars, IClock clock)
{
    public const int MaxSource = 1000;

    public async Task<IReadOnlyList<CalendarYearRecord>> AddedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<CalendarYearRecord>().AsNoTracking().OrderBy(y => y.Country).ThenBy(y => y.Year).ToListAsync(cancellationToken);
    }

    public async Task AddYearAsync(string? country, int? year, bool verified, string? source, string? days, string user, CancellationToken cancellationToken)
    {
        var errors = new List<DayLineError>();
        var calendar = country is null ? null : calendars.For(country);
        if (calendar is null) errors.Add(new DayLineError(0, "Calendars.UnknownCountry", country ?? ""));
        if (year is not (>= 2000 and <= 2100)) errors.Add(new DayLineError(0, "Calendars.BadYear", year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        else if (calendar?.Covers(year.Value) == true) errors.Add(new DayLineError(0, "Calendars.YearListed", year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (string.IsNullOrWhiteSpace(source) || source.Length > MaxSource) errors.Add(new DayLineError(0, "Calendars.SourceRequired", ""));
        if (year is >= 2000 and <= 2100) errors.AddRange(CalendarYearText.Read(days, year.Value).Errors);
        if (errors.Count > 0) throw new CalendarYearRefused(errors);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(new CalendarYearRecord
        {
            Country = calendar!.Country, Year = year!.Value, Verified = verified, Source = source!.Trim(), Days = days!.Trim(),
            AddedAt = clock.UtcNow, AddedBy = user,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin added the same year a moment ago.
            throw new CalendarYearRefused([new DayLineError(0, "Calendars.YearListed", year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
        await ReloadAsync(cancellationToken);
    }

    /// <summary>The calendars in memory: the files, with every added year layered over them.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken) => calendars.Apply(await AddedAsync(cancellationToken));
}

/// <summary>At start-up, the years admins added are layered over the calendar files.</summary>
internal sealed class CalendarAdditions(CalendarAdministration administration) : IStartupWork
{
    public Task RunAsync(CancellationToken cancellationToken) => administration.ReloadAsync(cancellationToken);
}
