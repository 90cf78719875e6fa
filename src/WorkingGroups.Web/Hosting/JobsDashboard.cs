using Hangfire;
using Hangfire.Dashboard;
using WorkingGroups.Infrastructure.Identity;

namespace WorkingGroups.Web.Hosting;

internal static class JobsDashboard
{
    /// <summary>The Hangfire dashboard at /hangfire, for admins only (cookie or bearer token).</summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [new AdminsOnly()],
                DisplayStorageConnectionString = false,
                AppPath = "/",
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin));
        return app;
    }

    /// <summary>Hangfire's own check (its default allows local requests only), on the principal our schemes signed in.</summary>
    private sealed class AdminsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}
