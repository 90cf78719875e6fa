using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Calendars;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Infrastructure.Definitions;

/// <summary>Adds definitions from elsewhere (the samples) to the catalog loaded from the definitions folder.</summary>
public sealed record CatalogExtension(Func<IServiceProvider, DefinitionCatalog, DefinitionCatalog> Extend);

public static class DefinitionsModule
{
    /// <summary>
    /// Loads the definition files once, then applies each <see cref="CatalogExtension"/>; an invalid folder makes the
    /// catalog throw, which stops start-up.
    /// </summary>
    public static IServiceCollection AddDefinitions(this IServiceCollection services, params CatalogExtension[] extensions)
    {
        foreach (var extension in extensions) services.AddSingleton(extension);
        if (!services.FirstTime<DefinitionCatalog>()) return services;
        services.AddSingleton(sp =>
        {
            var folder = DefinitionsFolder.Resolve(sp.GetRequiredService<IConfiguration>());
            var result = DefinitionLoader.LoadFolder(folder, sp.GetRequiredService<TextCatalog>().Languages);
            if (!result.IsValid) throw new InvalidDefinitionsException(folder, result.Errors);
            return sp.GetServices<CatalogExtension>().Aggregate(new DefinitionCatalog(result.Definitions), (catalog, e) => e.Extend(sp, catalog));
        });
        // The calendars beside the definitions: a wrong file stops start-up as a wrong definition does.
        services.AddSingleton(sp =>
        {
            var folder = DefinitionsFolder.Resolve(sp.GetRequiredService<IConfiguration>());
            var result = CalendarsCheck.Load(folder, sp.GetRequiredService<DefinitionCatalog>().All);
            if (!result.IsValid) throw new InvalidDefinitionsException(folder, result.Errors);
            return new WorkingCalendars(result.Calendars);
        });
        // Every reader-visible text, the e-mails' and the pages'.
        services.TryAddSingleton(_ => TextCatalog.Default);
        return services;
    }
}
