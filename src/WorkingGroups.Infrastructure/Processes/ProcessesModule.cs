using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkingGroups.Infrastructure.Calendars;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Processes;

public static class ProcessesModule
{
    /// <summary>The engine's service: starts, completes and corrects processes on the database.</summary>
    public static IServiceCollection AddProcesses(this IServiceCollection services)
    {
        services.AddDefinitions();
        services.AddPersistence();
        services.TryAddSingleton<ProcessService>();
        if (services.FirstTime<CalendarAdministration>())
        {
            services.AddSingleton<CalendarAdministration>();
            // The years admins added first, then what live processes still lack.
            services.AddSingleton<IStartupWork, CalendarAdditions>();
            services.AddSingleton<IStartupWork, CalendarCoverage>();
        }
        return services;
    }
}
