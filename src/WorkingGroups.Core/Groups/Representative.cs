using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

/// <summary>The person a body nominated to the group.</summary>
public sealed class Representative : DatedEntry
{
    public required string Name { get; set; }
    public string? Position { get; set; }
    public string? Email { get; set; }

    public static Representative Of(string bodyId, Nominee person, DateOnly from) =>
        new() { BodyId = bodyId, Name = person.Name.Trim(), Position = person.Position?.Trim(), Email = person.Email?.Trim(), From = from };
}
