namespace WorkingGroups.Core.Definitions;

/// <summary>The loaded definitions, by id and version.</summary>
public sealed class DefinitionCatalog(IEnumerable<ProcessDefinition> definitions)
{
    private readonly IReadOnlyList<ProcessDefinition> _all = definitions
        .OrderBy(d => d.Country, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version)
        .ToList();

    public IReadOnlyList<ProcessDefinition> All => _all;

    /// <summary>The countries that have a definition, by code.</summary>
    public IReadOnlyList<string> Countries { get; } = definitions.Select(d => d.Country).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The newest version of each definition.</summary>
    public IReadOnlyList<ProcessDefinition> Latest =>
        _all.GroupBy(d => d.Id).Select(g => g.MaxBy(d => d.Version)!).ToList();

    /// <summary>The given version, or the newest when none is asked for; null when there is no such definition.</summary>
    public ProcessDefinition? Find(string id, int? version = null) =>
        version is { } v
            ? _all.FirstOrDefault(d => d.Id == id && d.Version == v)
            : _all.Where(d => d.Id == id).MaxBy(d => d.Version);
}
