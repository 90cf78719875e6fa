using Hangfire;
using Hangfire.Dashboard;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Infrastructure.Reminders;

namespace WorkingGroups.Web.Reminders;

public static class RemindersWebModule
{
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton<Serilog.Core.ILogEventEnricher, AnswerLinkRedaction>(); // picked up by ReadFrom.Services
        return services.AddReminderServices();
    }

    /// <summary>The reminders API and the Hangfire dashboard at /hangfire, for admins only (cookie or bearer token).</summary>
    public static WebApplication MapReminders(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [new AdminsOnly()],
                DisplayStorageConnectionString = false,
                AppPath = "/",
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        app.MapRemindersApi();
        return app;
    }

    /// <summary>Hangfire's own check (its default allows local requests only), on the principal our schemes signed in.</summary>
    private sealed class AdminsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}
