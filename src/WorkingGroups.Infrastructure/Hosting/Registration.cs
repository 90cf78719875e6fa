using Microsoft.Extensions.DependencyInjection;

namespace WorkingGroups.Infrastructure.Hosting;

public static class Registration
{
    /// <summary>
    /// True the first time a feature registers itself in this collection: features add what they need, shared parts
    /// included, so the same part may be asked for twice and must be registered once.
    /// </summary>
    public static bool FirstTime<TFeature>(this IServiceCollection services) where TFeature : class
    {
        if (services.Any(d => d.ServiceType == typeof(Registered<TFeature>))) return false;
        services.AddSingleton<Registered<TFeature>>();
        return true;
    }

    private sealed class Registered<TFeature>;
}
