using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WorkingGroups.Infrastructure.Hosting;

/// <summary>The app's one idea of now and of today (UTC: one calendar for every country, as the dates are kept).</summary>
public interface IClock
{
    DateTime UtcNow { get; }

    DateOnly Today { get; }
}

/// <summary>Reads <see cref="TimeProvider"/>, which the tests replace to move time.</summary>
internal sealed class Clock(TimeProvider time) : IClock
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(UtcNow);
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
