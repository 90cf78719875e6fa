using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Core.Groups;
using WorkingGroups.Infrastructure.Groups.Notices;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Jobs;
using WorkingGroups.Infrastructure.Mail;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Groups;

public static class GroupsModule
{
    /// <summary>
    /// The established groups: founded when their process is established, their composition over time, meetings, Work
    /// Plans, and the e-mail about them, sent through the outbox.
    /// </summary>
    public static IServiceCollection AddGroups(this IServiceCollection services)
    {
        if (!services.FirstTime<GroupService>()) return services;
        services.AddMailKind<GroupNotice>();
        services.AddSingleton<GroupService>();
        services.AddSingleton<MeetingService>();
        services.AddSingleton<WorkPlanService>();
        services.AddSingleton<AmendmentService>();
        services.AddSingleton<FoundGroup>();
        services.AddSingleton<IOnEstablished>(sp => sp.GetRequiredService<FoundGroup>());
        services.AddSingleton<IOnEstablished, AmendGroup>();
        services.AddSingleton<GroupNoticeSweep>();
        services.AddTransient<GroupNoticeJob>();
        services.AddSingleton<IStartupWork, FoundMissingGroups>();
        services.AddSweep<GroupNoticeSweepJob>("groups-sweep", job => job.RunAsync(CancellationToken.None));
        return services;
    }
}
