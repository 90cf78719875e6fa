using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Infrastructure.Definitions;

public static class DefinitionsModule
{
    /// <summary>Loads the definition files once; an invalid folder makes the catalog throw, which stops start-up.</summary>
    public static IServiceCollection AddDefinitions(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var folder = DefinitionsFolder.Resolve(sp.GetRequiredService<IConfiguration>());
            var result = DefinitionLoader.LoadFolder(folder);
            if (!result.IsValid) throw new InvalidDefinitionsException(folder, result.Errors);
            return new DefinitionCatalog(result.Definitions);
        });
        // Every reader-visible text, the e-mails' and the pages'.
        services.TryAddSingleton(_ => TextCatalog.Default);
        return services;
    }
}
