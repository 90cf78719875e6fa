using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Engine;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Web.Hosting;

/// <summary>
/// Runs before the server accepts requests: load the definitions (an invalid one stops start-up), migrate the
/// database and record the definition versions, then start the engine on them.
/// </summary>
public sealed class StartupTasks(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<DefinitionCatalog>();
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(catalog, cancellationToken);
        _engine = services.GetRequiredService<EngineHost>();
        await _engine.StartAsync(cancellationToken);
    }

    private EngineHost? _engine;

    private readonly Lock _gate = new();
    private Task? _stopping;

    /// <summary>
    /// Stops the engine once, and only when it was started: a start-up that failed on bad definitions has nothing to
    /// stop. A test host can be stopped twice at once (the app's RunAsync and the factory's dispose): both wait for the
    /// one stop, since WorkflowCore's second stop throws and disposing it mid-stop fails too.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_engine is null) return Task.CompletedTask;
        lock (_gate) return _stopping ??= _engine.StopAsync(cancellationToken);
    }
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
