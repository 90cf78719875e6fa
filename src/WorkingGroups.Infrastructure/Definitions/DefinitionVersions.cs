using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Infrastructure.Definitions;

/// <summary>
/// Every definition version the database has published, including versions whose file is gone: a process runs
/// to its end on the version it started with. Filled once at start-up, before the engine starts.
/// </summary>
public sealed class DefinitionVersions
{
    private IReadOnlyDictionary<(string Id, int Version), ProcessDefinition> _all = new Dictionary<(string, int), ProcessDefinition>();

    public IEnumerable<ProcessDefinition> All => _all.Values;

    public ProcessDefinition? Find(string id, int version) => _all.GetValueOrDefault((id, version));

    /// <summary>The group as its founding act names it, from the definition version that founded it.</summary>
    public Core.Definitions.LocalizedText? GroupNameOf(Core.Groups.Group group) => Find(group.DefinitionId, group.DefinitionVersion)?.GroupName;

    public ProcessDefinition Get(string id, int version) =>
        Find(id, version) ?? throw new InvalidOperationException($"Definition {id} version {version} is not published.");

    internal void Set(IEnumerable<ProcessDefinition> definitions) =>
        _all = definitions.ToDictionary(d => (d.Id, d.Version));
}
