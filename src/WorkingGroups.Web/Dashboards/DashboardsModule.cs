using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;

namespace WorkingGroups.Web.Dashboards;

internal static class DashboardsModule
{
    /// <summary>The dashboards' data: the processes, and the reminders sent to each body.</summary>
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddProcesses();
        services.AddReminderServices();
        return services.AddScoped<DashboardData>();
    }
}
