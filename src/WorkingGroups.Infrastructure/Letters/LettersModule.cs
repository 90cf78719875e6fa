using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Letters;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Infrastructure.Letters;

public static class LettersModule
{
    /// <summary>
    /// The letters drafted for signature: their templates, read once and checked against every definition the app
    /// runs (a mistake throws, which stops start-up with file and line), and the service that drafts them.
    /// </summary>
    public static IServiceCollection AddLetterServices(this IServiceCollection services)
    {
        if (!services.FirstTime<LetterService>()) return services;
        services.AddDefinitions();
        services.AddProcesses();
        services.AddReminderServices(); // the answer links
        services.AddSingleton(sp =>
        {
            var folder = LetterTemplatesFolder.Resolve(sp.GetRequiredService<IConfiguration>());
            return Read(folder, sp.GetRequiredService<DefinitionCatalog>().All, sp.GetRequiredService<TextCatalog>().Languages);
        });
        services.AddSingleton<LetterService>();
        return services;
    }

    /// <summary>The templates of a folder, checked against the definitions; throws with every mistake found.</summary>
    public static LetterTemplates Read(string folder, IEnumerable<ProcessDefinition> definitions, IReadOnlyCollection<string> languages)
    {
        var errors = new List<DefinitionError>();
        var templates = LetterTemplates.Load(folder, languages, errors);
        errors.AddRange(templates.Check(definitions));
        if (errors.Count > 0) throw new InvalidDefinitionsException(folder, errors);
        return templates;
    }
}

/// <summary>Where the letter templates are: <c>Letters:Templates</c>, else templates/ beside the definitions.</summary>
public static class LetterTemplatesFolder
{
    public const string ConfigurationKey = "Letters:Templates";

    public static string Resolve(IConfiguration configuration)
    {
        if (configuration[ConfigurationKey] is { Length: > 0 } configured) return Path.GetFullPath(configured);
        return For(DefinitionsFolder.Resolve(configuration));
    }

    /// <summary>
    /// The templates a definitions folder is run with: its own templates/, as its calendars are its own calendars/. A
    /// folder without one drafts no letters; the repository's templates name the repository's definitions, not another's.
    /// </summary>
    public static string For(string definitionsFolder)
    {
        return Path.Combine(definitionsFolder, "templates");
    }
}
