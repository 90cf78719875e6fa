using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Attention;
using WorkingGroups.Infrastructure.Jobs;
using WorkingGroups.Infrastructure.Mail;

namespace WorkingGroups.Infrastructure.Reminders;

public static class RemindersModule
{
    /// <summary>
    /// Reminders of the processes' steps, the weekly digest and the answer notices: their sweep, their jobs and their
    /// e-mail, sent through the outbox.
    /// </summary>
    public static IServiceCollection AddReminderServices(this IServiceCollection services)
    {
        if (!services.FirstTime<ReminderService>()) return services;
        services.AddMailKind<Reminder>();
        services.AddMailKind<Digest>();
        services.AddMailKind<AnswerNotice>();
        services.AddAttention(); // the digest lists what is due about the groups, as the home page does
        services.AddSingleton<AnswerLinks>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddSingleton<ReminderSweep>();
        services.AddSingleton<ReminderService>();
        services.AddTransient<ReminderJob>();
        services.AddSingleton<Digests>();
        services.AddTransient<DigestJob>();
        services.AddSingleton<AnswerNotices>();
        services.AddTransient<AnswerNoticeJob>();
        services.AddSweep<ReminderSweepJob>("reminders-sweep", job => job.RunAsync(CancellationToken.None));
        return services;
    }
}
