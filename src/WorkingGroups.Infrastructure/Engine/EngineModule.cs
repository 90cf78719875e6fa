using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Services;
using WorkingGroups.Infrastructure.Engine.Persistence;
using WorkingGroups.Infrastructure.Engine.Steps;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Engine;

public static class EngineModule
{
    /// <summary>WorkflowCore on our EF Core store, with the runtime settings below.</summary>
    public static IServiceCollection AddEngine(this IServiceCollection services)
    {
        services.AddSingleton<EfPersistenceProvider>();
        services.AddEngineRuntime(options =>
        {
            options.UsePersistence(sp => sp.GetRequiredService<EfPersistenceProvider>());
            // Instances sharing a PostgreSQL database run one workflow at a time between them, not just within each.
            options.UseDistributedLockManager(sp => sp.GetRequiredService<DatabaseOptions>() is { IsPostgres: true } database
                ? new AdvisoryLockProvider(database.ConnectionString)
                : new WaitingLockProvider());
        });
        return services;
    }

    /// <summary>
    /// The engine without its durable store (the benchmark's in-memory peer uses it as it is): our step bodies, a lock
    /// that waits briefly, a queue its consumers wait on, and a short poll for recovery.
    /// </summary>
    public static IServiceCollection AddEngineRuntime(this IServiceCollection services, Action<WorkflowOptions>? store = null)
    {
        services.AddSingleton<ProcessSignals>();
        services.AddTransient<OpenStep>();
        services.AddTransient<CloseStep>();
        services.AddTransient<AwaitStep>();
        services.AddSingleton<InstanceWake>();
        services.AddTransient<EstablishProcess>();
        services.AddWorkflow(options =>
        {
            options.UseDistributedLockManager(_ => new WaitingLockProvider());
            options.UseQueueProvider(_ => new WakingQueueProvider());
            store?.Invoke(options);
            // The poll only recovers work after a restart or a missed wake-up; requests queue their own work (the instance
            // they woke, or the events of an instance in an older shape).
            options.UsePollInterval(TimeSpan.FromSeconds(2));
            // A consumer at its limit of concurrent items sleeps this long before it looks again (default 100 ms).
            // At 5 ms, completions at concurrency 1 and 8 waited here, then on the event consumer's limit of two (docs/performance.md).
            options.UseIdleTime(TimeSpan.FromMilliseconds(1));
            // No search index: the index consumer would reload the whole instance after every pass, for nothing.
            options.EnableIndexes = false;
            // Nobody listens to life-cycle events; publishing them woke a thread that spins on a blocking queue.
            options.EnableLifeCycleEventsPublisher = false;
        });
        // An instance is stored once when it rests, not once per pass (PassesInOneRun).
        services.Replace(ServiceDescriptor.Transient<IWorkflowExecutor>(sp =>
            new PassesInOneRun(ActivatorUtilities.CreateInstance<WorkflowExecutor>(sp), sp.GetRequiredService<IWorkflowRegistry>(), sp.GetRequiredService<IDateTimeProvider>(),
                sp.GetRequiredService<IDbContextFactory<AppDbContext>>(), sp.GetRequiredService<ProcessSignals>())));
        services.AddSingleton<EngineHost>();
        return services;
    }
}
