using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Engine.Persistence;
using WorkingGroups.Infrastructure.Engine.Steps;

namespace WorkingGroups.Infrastructure.Engine;

public static class EngineModule
{
    /// <summary>WorkflowCore on our EF Core store, with a lock that waits briefly and a short poll for recovery.</summary>
    public static IServiceCollection AddEngine(this IServiceCollection services)
    {
        services.AddSingleton<ProcessSignals>();
        services.AddSingleton<EfPersistenceProvider>();
        services.AddTransient<OpenStep>();
        services.AddTransient<CloseStep>();
        services.AddTransient<EstablishProcess>();
        services.AddWorkflow(options =>
        {
            options.UsePersistence(sp => sp.GetRequiredService<EfPersistenceProvider>());
            options.UseDistributedLockManager(_ => new WaitingLockProvider());
            // The poll only recovers work after a restart or a missed wake-up; requests queue their own events.
            options.UsePollInterval(TimeSpan.FromSeconds(2));
        });
        services.AddSingleton<EngineHost>();
        return services;
    }
}
