using WorkingGroups.Infrastructure.Reminders;

namespace WorkingGroups.Web.Reminders;

internal static class RemindersWebModule
{
    /// <summary>Reminders, digests and answer notices, and the log never showing an answer link's token.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddSingleton<Serilog.Core.ILogEventEnricher, AnswerLinkRedaction>(); // picked up by ReadFrom.Services
        return services.AddReminderServices();
    }
}
