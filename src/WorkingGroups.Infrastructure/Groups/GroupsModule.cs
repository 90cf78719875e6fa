using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Groups;

public static class GroupsModule
{
    /// <summary>The established groups: founded when their process is established, then their composition over time.</summary>
    public static IServiceCollection AddGroupServices(this IServiceCollection services)
    {
        services.AddSingleton<GroupService>();
        services.AddSingleton<MeetingService>();
        services.AddSingleton<WorkPlanService>();
        services.AddSingleton<AmendmentService>();
        services.AddSingleton<IOnEstablished, FoundGroup>();
        services.AddSingleton<IOnEstablished, AmendGroup>();
        return services;
    }
}
