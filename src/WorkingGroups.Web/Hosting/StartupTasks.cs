using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Web.Hosting;

/// <summary>
/// Runs before the server accepts requests: load the definitions (an invalid one stops start-up),
/// then migrate the database and record the definition versions.
/// </summary>
public sealed class StartupTasks(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<DefinitionCatalog>();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(catalog, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class StartupTasksModule
{
    public static IServiceCollection AddStartupTasks(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<StartupTasks>();
        return services;
    }
}
