using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Benchmarks;

/// <summary>The app's own modules in this process, on a data folder of their own, with the database migrated.</summary>
public static class InProcessServices
{
    public static async Task<ServiceProvider> StartAsync(Settings settings, string dataFolder, Dictionary<string, string?> extra, Action<IServiceCollection> modules)
    {
        var values = new Dictionary<string, string?>(extra)
        {
            [DataFolder.ConfigurationKey] = dataFolder,
            ["Definitions:Folder"] = Path.Combine(settings.RepositoryRoot, "workflows"),
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.TryAddSingleton(TimeProvider.System);
        services.AddDefinitions();
        services.AddPersistence();
        modules(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(provider.GetRequiredService<DefinitionCatalog>(), CancellationToken.None);
        return provider;
    }
}
