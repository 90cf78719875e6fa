using Microsoft.AspNetCore.DataProtection;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Engine;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Web.Samples;

namespace WorkingGroups.Web.Hosting;

/// <summary>
/// Runs before the server accepts requests: load the definitions (an invalid one stops start-up), migrate the
/// database and record the definition versions, start the engine on them, then do what a first start does
/// (the first Admin, the samples). Instances sharing one PostgreSQL database take turns (<see cref="SharedLock"/>).
/// </summary>
public sealed class StartupTasks(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<DefinitionCatalog>();
        await using (await services.GetRequiredService<SharedLock>().TakeAsync(SharedLock.StartUp, cancellationToken))
        {
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(catalog, cancellationToken);
            _engine = services.GetRequiredService<EngineHost>();
            await _engine.StartAsync(cancellationToken);
            await services.GetRequiredService<FirstRun>().RunAsync(cancellationToken);
            // The first protection creates the signing key if there is none: here, one instance at a time, so that
            // instances sharing a database never make a key each and refuse each other's answer links and cookies.
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector("WorkingGroups.StartUp").Protect([0]);
        }
    }

    private EngineHost? _engine;

    /// <summary>
    /// Stops the engine only when it was started: a start-up that failed on bad definitions has nothing to stop.
    /// <see cref="EngineHost.StopAsync"/> makes a second, concurrent stop (as test hosts do) wait for the first.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken) => _engine?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}

public static class StartupTasksModule
{
    public static IServiceCollection AddStartupTasks(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        // The first hosted service of all, ahead of the framework's own: Data Protection reads its key ring as it starts,
        // and on PostgreSQL that ring is a table the migrations have to create first.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StartupTasks>());
        return services;
    }
}
