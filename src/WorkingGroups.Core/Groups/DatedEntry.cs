using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

/// <summary>Something that holds from a date up to (not including) another, or still holds.</summary>
public abstract class DatedEntry
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public required string BodyId { get; set; }
    public DateOnly From { get; set; }
    /// <summary>The first day it no longer holds; null while it still does.</summary>
    public DateOnly? Until { get; set; }

    public bool HoldsOn(DateOnly date) => From <= date && (Until is null || date < Until);
}
