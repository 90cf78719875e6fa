using WorkingGroups.Infrastructure.Forecasts;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;

namespace WorkingGroups.Web.Dashboards;

internal static class DashboardsModule
{
    /// <summary>The dashboards' data: the processes, the reminders sent to each body, and the forecasts.</summary>
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddProcesses();
        services.AddReminderServices();
        services.AddForecasts();
        return services.AddScoped<DashboardData>();
    }
}
