using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

/// <summary>A body's role in the group (a body with two roles has two entries).</summary>
public sealed class Membership : DatedEntry
{
    public BodyRole Role { get; set; }
}
