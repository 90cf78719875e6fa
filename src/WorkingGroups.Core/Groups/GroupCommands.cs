using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

/// <summary>What a coordinator records about a group's composition; the same commands serve the API and the pages.</summary>
public sealed record RenameBody(LocalizedText Name, DateOnly EffectiveOn);

public sealed record ChangeRepresentative(Nominee Person, DateOnly EffectiveOn);
