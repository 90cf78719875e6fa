using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Core.Groups;

/// <summary>The group as it stood on a date.</summary>
public sealed record Composition(DateOnly AsOf, IReadOnlyList<ComposedBody> Bodies);

/// <summary>A member body on that date: its name then, its roles, since when it is a member, and its representative then.</summary>
public sealed record ComposedBody(string BodyId, LocalizedText Name, IReadOnlyList<BodyRole> Roles, DateOnly MemberSince, Representative? Representative);
