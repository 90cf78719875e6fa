using Microsoft.AspNetCore.DataProtection;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Letters;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkingGroups.Web.Samples;

namespace WorkingGroups.Web.Hosting;

/// <summary>
/// Runs before any hosted service starts (it works in <see cref="StartingAsync"/>, which the host runs first for every
/// service): load the definitions (an invalid one stops start-up), migrate the database and record the definition
/// versions, move on the processes a database from before the engine was ours left behind
/// (<see cref="ProcessService.CatchUpAsync"/>), then do what a first start does (the first Admin, the samples).
/// Instances sharing one PostgreSQL database take turns (<see cref="SharedLock"/>). Then the features' own
/// <see cref="IStartupWork"/>. Data Protection reads its key ring as it starts, and on PostgreSQL that ring is a table
/// the migrations create; the Hangfire server must not claim mail before a killed run's claims are released.
/// </summary>
internal sealed class StartupTasks(IServiceProvider services) : IHostedLifecycleService
{
    // Resolved here rather than taken in the constructor: resolving the catalog loads the definitions, and an invalid
    // folder must fail start-up, not the host's resolution of its hosted services (after which it cannot stop).
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<DefinitionCatalog>();
        services.GetRequiredService<Infrastructure.Calendars.WorkingCalendars>(); // a wrong calendar file stops here too
        // The letter templates are checked against that catalog: a mistake in one stops start-up like a definition's.
        services.GetService<LetterTemplates>();
        await using (await services.GetRequiredService<SharedLock>().TakeAsync(SharedLock.StartUp, cancellationToken))
        {
            var upgraded = await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(catalog, cancellationToken);
            if (upgraded) await services.GetRequiredService<ProcessService>().CatchUpAsync(cancellationToken);
            await services.GetRequiredService<FirstRun>().RunAsync(cancellationToken);
            // The first protection creates the signing key if there is none: here, one instance at a time, so that
            // instances sharing a database never make a key each and refuse each other's answer links and cookies.
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector("WorkingGroups.StartUp").Protect([0]);
        }
        foreach (var step in services.GetServices<IStartupWork>()) await step.RunAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class StartupTasksModule
{
    /// <summary>The start-up tasks, the first Admin and the samples included.</summary>
    public static IServiceCollection AddStartupTasks(this IServiceCollection services)
    {
        services.AddPersistence();
        services.AddSamples(); // a first run loads them
        services.AddScoped<FirstAdmin>();
        services.AddSingleton<FirstRun>();
        services.TryAddSingleton(new FirstRunConsole(Console.Out));
        services.AddHostedService<StartupTasks>();
        return services;
    }
}
