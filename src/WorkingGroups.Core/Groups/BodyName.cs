using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

/// <summary>What a body was called; ministries are renamed and restructured.</summary>
public sealed class BodyName : DatedEntry
{
    public required LocalizedText Name { get; set; }
}
