using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Samples;

namespace WorkingGroups.Web.Samples;

public static class SamplesModule
{
    /// <summary>
    /// The first start: an Admin account, and (unless <c>Samples:Load=false</c>) the sample definitions in the
    /// catalog and the sample histories in an empty database. Call after <c>AddDefinitions()</c>: it extends its catalog.
    /// </summary>
    public static IServiceCollection AddSamples(this IServiceCollection services)
    {
        var definitions = services.LastOrDefault(d => d.ServiceType == typeof(DefinitionCatalog))?.ImplementationFactory
            ?? throw new InvalidOperationException("AddSamples() extends the definition catalog: call it after AddDefinitions().");
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var catalog = (DefinitionCatalog)definitions(sp);
            var configuration = sp.GetRequiredService<IConfiguration>();
            return SamplesSettings.Load(configuration) && SamplesSettings.Folder(configuration) is { } folder
                ? SampleDefinitions.Add(catalog, folder)
                : catalog;
        }));
        services.AddSingleton<SampleLoader>();
        services.AddSingleton<SampleGroupPlayer>();
        services.AddScoped<FirstAdmin>();
        services.AddSingleton<FirstRun>();
        services.TryAddSingleton(new FirstRunConsole(Console.Out));
        return services;
    }
}
