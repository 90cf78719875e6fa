using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkingGroups.Infrastructure.Calendars;

namespace WorkingGroups.Infrastructure.Hosting;

/// <summary>
/// The app's one idea of now (UTC, as timestamps are stored) and of each country's today: the date in the country's
/// time zone (its calendar file's), so that before 05:00 in Astana the attention list is not still on yesterday.
/// </summary>
public interface IClock
{
    DateTime UtcNow { get; }

    /// <summary>Today in UTC: only for what belongs to no country.</summary>
    DateOnly Today { get; }

    /// <summary>Today in the country (its code, as the definitions write it).</summary>
    DateOnly TodayIn(string country);

    /// <summary>A UTC timestamp as the country's local time.</summary>
    DateTime LocalIn(string country, DateTime utc);
}

/// <summary>Reads <see cref="TimeProvider"/>, which the tests replace to move time, and the countries' zones.</summary>
internal sealed class Clock(TimeProvider time, IServiceProvider services) : IClock
{
    // Looked up on first use, not in the constructor: the calendars load with the definitions, and a wrong file must
    // stop start-up in its own task, not in the construction of whatever takes the clock.
    private WorkingCalendars? Calendars => services.GetService<WorkingCalendars>();

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(UtcNow);

    public DateOnly TodayIn(string country) => DateOnly.FromDateTime(LocalIn(country, UtcNow));

    public DateTime LocalIn(string country, DateTime utc) =>
        Calendars is not { } calendars ? utc : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), calendars.ZoneOf(country));
}

internal static class ClockModule
{
    public static IServiceCollection AddClock(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClock, Clock>();
        return services;
    }
}
