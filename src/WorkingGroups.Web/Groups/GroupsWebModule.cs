using WorkingGroups.Infrastructure.Groups;

namespace WorkingGroups.Web.Groups;

public static class GroupsWebModule
{
    /// <summary>The established groups: their composition over time, meetings and Work Plans.</summary>
    public static IServiceCollection AddGroups(this IServiceCollection services) => services.AddGroupServices();

    /// <summary>The groups API under /api/v1/groups (the pages are Razor Pages under /groups).</summary>
    public static WebApplication MapGroups(this WebApplication app)
    {
        app.MapGroupsApi().MapAmendmentsApi().MapMeetingsApi().MapWorkPlansApi();
        return app;
    }
}
