using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Groups.Notices;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Groups;

public static class GroupsModule
{
    /// <summary>
    /// The established groups: founded when their process is established, their composition over time, meetings, Work Plans,
    /// and the e-mail about them (after AddReminderServices: it uses its Hangfire, mail sender and options).
    /// </summary>
    public static IServiceCollection AddGroupServices(this IServiceCollection services)
    {
        services.AddSingleton<GroupService>();
        services.AddSingleton<MeetingService>();
        services.AddSingleton<WorkPlanService>();
        services.AddSingleton<AmendmentService>();
        services.AddSingleton<FoundGroup>();
        services.AddSingleton<IOnEstablished>(sp => sp.GetRequiredService<FoundGroup>());
        services.AddSingleton<IOnEstablished, AmendGroup>();
        services.AddSingleton<GroupNoticeSweep>();
        services.AddTransient<GroupNoticeSweepJob>();
        services.AddTransient<GroupNoticeJob>();
        services.AddHostedService<FoundMissingGroups>();
        services.AddHostedService<GroupNoticeStartup>();
        return services;
    }
}
