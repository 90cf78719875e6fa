using Microsoft.Extensions.DependencyInjection;

namespace WorkingGroups.Infrastructure.Attention;

public static class AttentionModule
{
    /// <summary>What needs a coordinator's attention today, read from the processes, reminders and groups.</summary>
    public static IServiceCollection AddAttention(this IServiceCollection services) => services.AddSingleton<AttentionService>();
}
