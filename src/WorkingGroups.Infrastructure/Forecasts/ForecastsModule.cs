using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Forecasts;

public static class ForecastsModule
{
    /// <summary>When each running process is likely to be established, per request.</summary>
    public static IServiceCollection AddForecasts(this IServiceCollection services)
    {
        services.AddProcesses();
        services.TryAddScoped<ForecastService>();
        return services;
    }
}
