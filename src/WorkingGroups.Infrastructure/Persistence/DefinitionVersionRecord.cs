namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>A definition version as first published: its content is kept so it can be checked for edits and outlive its file.</summary>
public sealed class DefinitionVersionRecord
{
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public required string Country { get; set; }
    public required string ContentHash { get; set; }
    public required string Json { get; set; }
    public DateTime PublishedAt { get; set; }
}
