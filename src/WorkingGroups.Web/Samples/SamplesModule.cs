using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Samples;

namespace WorkingGroups.Web.Samples;

internal static class SamplesModule
{
    /// <summary>
    /// Unless <c>Samples:Load=false</c>, the sample definitions in the catalog and the sample histories, which the first
    /// start loads in an empty database.
    /// </summary>
    public static IServiceCollection AddSamples(this IServiceCollection services)
    {
        if (!services.FirstTime<SampleLoader>()) return services;
        services.AddDefinitions(new CatalogExtension((sp, catalog) =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return SamplesSettings.Load(configuration) && SamplesSettings.Folder(configuration) is { } folder
                ? SampleDefinitions.Add(catalog, folder)
                : catalog;
        }));
        services.AddSingleton<SampleLoader>();
        services.AddSingleton<SampleGroupPlayer>();
        return services;
    }
}
