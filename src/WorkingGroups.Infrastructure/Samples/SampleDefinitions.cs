using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Infrastructure.Samples;

/// <summary>The catalog plus the sample definitions (Uzbekistan), which live in samples/ rather than workflows/.</summary>
public static class SampleDefinitions
{
    /// <summary>A sample that is also in the catalog must be identical there: a published version never changes.</summary>
    public static DefinitionCatalog Add(DefinitionCatalog catalog, string samplesFolder)
    {
        // A samples folder may hold histories only, on the definitions of workflows/.
        if (!Directory.Exists(samplesFolder) || Directory.GetFiles(samplesFolder, "*.json").Length == 0) return catalog;
        var result = DefinitionLoader.LoadFolder(samplesFolder, TextCatalog.Default.Languages);
        var errors = result.Errors.ToList();
        var added = new List<ProcessDefinition>();
        foreach (var sample in result.Definitions)
        {
            var existing = catalog.Find(sample.Id, sample.Version);
            if (existing is null) added.Add(sample);
            else if (existing.ContentHash != sample.ContentHash)
                errors.Add(new DefinitionError(sample.File, 1, "$.version",
                    $"\"{sample.Id}\" version {sample.Version} is also defined in {existing.File} with different content; a published version never changes: give the new content a new version number."));
        }
        if (errors.Count > 0) throw new InvalidDefinitionsException(samplesFolder, errors);
        return new DefinitionCatalog(catalog.All.Concat(added));
    }
}
