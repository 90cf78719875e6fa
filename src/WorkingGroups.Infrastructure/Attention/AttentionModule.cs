using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WorkingGroups.Infrastructure.Attention;

public static class AttentionModule
{
    /// <summary>What needs a coordinator's attention today, read from the processes, reminders and groups (the home page, the digest).</summary>
    public static IServiceCollection AddAttention(this IServiceCollection services)
    {
        services.TryAddSingleton<AttentionService>();
        return services;
    }
}
