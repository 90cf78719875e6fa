using Microsoft.AspNetCore.DataProtection;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Web.Samples;

namespace WorkingGroups.Web.Hosting;

/// <summary>
/// Runs before the server accepts requests: load the definitions (an invalid one stops start-up), migrate the
/// database and record the definition versions, move on the processes a database from before the engine was ours
/// left behind (<see cref="ProcessService.CatchUpAsync"/>), then do what a first start does
/// (the first Admin, the samples). Instances sharing one PostgreSQL database take turns (<see cref="SharedLock"/>).
/// </summary>
public sealed class StartupTasks(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<DefinitionCatalog>();
        await using (await services.GetRequiredService<SharedLock>().TakeAsync(SharedLock.StartUp, cancellationToken))
        {
            var upgraded = await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(catalog, cancellationToken);
            if (upgraded) await services.GetRequiredService<ProcessService>().CatchUpAsync(cancellationToken);
            await services.GetRequiredService<FirstRun>().RunAsync(cancellationToken);
            // The first protection creates the signing key if there is none: here, one instance at a time, so that
            // instances sharing a database never make a key each and refuse each other's answer links and cookies.
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector("WorkingGroups.StartUp").Protect([0]);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
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
