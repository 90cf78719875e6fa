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

/// <summary>A body's role in the group (a body with two roles has two entries).</summary>
public sealed class Membership : DatedEntry
{
    public BodyRole Role { get; set; }
}

/// <summary>What a body was called; ministries are renamed and restructured.</summary>
public sealed class BodyName : DatedEntry
{
    public required LocalizedText Name { get; set; }
}

/// <summary>The person a body nominated to the group.</summary>
public sealed class Representative : DatedEntry
{
    public required string Name { get; set; }
    public string? Position { get; set; }
    public string? Email { get; set; }

    public static Representative Of(string bodyId, Nominee person, DateOnly from) =>
        new() { BodyId = bodyId, Name = person.Name.Trim(), Position = person.Position?.Trim(), Email = person.Email?.Trim(), From = from };
}
