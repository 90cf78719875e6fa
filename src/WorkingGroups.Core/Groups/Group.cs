using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

/// <summary>
/// An established working group and the history of its composition. Nothing is deleted: a rename, a new representative
/// or a withdrawal ends one entry on a date and (where there is one) starts the next, so any past date can be asked.
/// Each entry holds from <c>From</c> up to the day before <c>Until</c> (null: still holds).
/// </summary>
public sealed class Group
{
    public Guid Id { get; set; }
    public required string Country { get; set; }
    public required string Title { get; set; }
    /// <summary>The establishment process it came from, and the definition version that process ran on.</summary>
    public Guid EstablishedBy { get; set; }
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    public DateOnly EstablishedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Optimistic concurrency: changed by the app on every write.</summary>
    public Guid Version { get; set; }
    public List<Membership> Memberships { get; set; } = [];
    public List<BodyName> BodyNames { get; set; } = [];
    public List<Representative> Representatives { get; set; } = [];

    /// <summary>Whether the body has ever been part of the group (its history is kept after it withdraws).</summary>
    public bool Knows(string bodyId) => Memberships.Any(m => m.BodyId == bodyId);

    public bool IsMemberOn(string bodyId, DateOnly date) => Memberships.Any(m => m.BodyId == bodyId && m.HoldsOn(date));

    /// <summary>Who was in the group on a date: each body with its roles, its name then and its representative then.</summary>
    public Composition CompositionOn(DateOnly date)
    {
        // Chairs first, then in the order the bodies joined (the definition's order for the founders).
        var members = Memberships.Where(m => m.HoldsOn(date)).GroupBy(m => m.BodyId).Select(g => new ComposedBody(
                g.Key,
                NameOn(g.Key, date),
                g.Select(m => m.Role).Distinct().Order().ToList(),
                g.Min(m => m.From),
                Representatives.FirstOrDefault(r => r.BodyId == g.Key && r.HoldsOn(date))))
            .OrderBy(b => b.Roles.Min()).ThenBy(b => Memberships.FindIndex(m => m.BodyId == b.BodyId && m.HoldsOn(date)))
            .ToList();
        return new Composition(date, members);
    }

    /// <summary>The body's name on a date, else its first name (a date before it joined still names it).</summary>
    public LocalizedText NameOn(string bodyId, DateOnly date)
    {
        var names = BodyNames.Where(n => n.BodyId == bodyId).OrderBy(n => n.From).ToList();
        return (names.LastOrDefault(n => n.HoldsOn(date)) ?? names.FirstOrDefault())?.Name
               ?? new LocalizedText(new Dictionary<string, string> { ["en"] = bodyId });
    }

    /// <summary>The chairs and co-chairs on a date (they are reminded of the annual meeting).</summary>
    public IEnumerable<string> ChairsOn(DateOnly date) => Memberships
        .Where(m => m.HoldsOn(date) && m.Role is BodyRole.Chair or BodyRole.CoChair).Select(m => m.BodyId).Distinct();

    /// <summary>The body takes a new name from <paramref name="effectiveOn"/>; the old one is kept for earlier dates.</summary>
    public void RenameBody(string bodyId, LocalizedText name, DateOnly effectiveOn)
    {
        MustKnow(bodyId);
        var current = BodyNames.Where(n => n.BodyId == bodyId && n.Until is null).MaxBy(n => n.From)!;
        if (effectiveOn <= current.From)
            throw DomainRuleException.Invalid("effectiveOn", "effective-not-after-current", "effectiveOn", effectiveOn, current.From);
        current.Until = effectiveOn;
        BodyNames.Add(new BodyName { BodyId = bodyId, Name = name, From = effectiveOn });
        Version = Guid.NewGuid();
    }

    /// <summary>The body names a new representative from <paramref name="effectiveOn"/>; the previous one's term ends then.</summary>
    public void ChangeRepresentative(string bodyId, Nominee person, DateOnly effectiveOn)
    {
        MustBeMemberOn(bodyId, effectiveOn);
        if (Representatives.SingleOrDefault(r => r.BodyId == bodyId && r.Until is null) is { } current)
        {
            if (effectiveOn <= current.From)
                throw DomainRuleException.Invalid("effectiveOn", "effective-not-after-current", "effectiveOn", effectiveOn, current.From);
            current.Until = effectiveOn;
        }
        Representatives.Add(Representative.Of(bodyId, person, effectiveOn));
        Version = Guid.NewGuid();
    }

    /// <summary>A body joins with its roles from <paramref name="effectiveOn"/> (an approved amendment of the composition).</summary>
    public void AddBody(string bodyId, LocalizedText name, IReadOnlyList<BodyRole> roles, Nominee? representative, DateOnly effectiveOn)
    {
        if (Memberships.Any(m => m.BodyId == bodyId && (m.Until is null || m.Until > effectiveOn)))
            throw DomainRuleException.Conflict("body-already-member", new BodyRef(bodyId));
        if (effectiveOn < EstablishedOn)
            throw DomainRuleException.Invalid("effectiveOn", "date-before-establishment", "effectiveOn", effectiveOn, EstablishedOn);
        foreach (var role in roles.DefaultIfEmpty(BodyRole.Member).Distinct())
            Memberships.Add(new Membership { BodyId = bodyId, Role = role, From = effectiveOn });
        if (!BodyNames.Any(n => n.BodyId == bodyId && n.Until is null)) BodyNames.Add(new BodyName { BodyId = bodyId, Name = name, From = effectiveOn });
        if (representative is not null) Representatives.Add(Representative.Of(bodyId, representative, effectiveOn));
        Version = Guid.NewGuid();
    }

    /// <summary>The body leaves the group on <paramref name="effectiveOn"/>: its roles and representative end; its history stays.</summary>
    public void WithdrawBody(string bodyId, DateOnly effectiveOn)
    {
        MustBeMemberOn(bodyId, effectiveOn);
        foreach (var entry in Memberships.Where(m => m.BodyId == bodyId && m.Until is null)) entry.Until = effectiveOn;
        foreach (var entry in Representatives.Where(r => r.BodyId == bodyId && r.Until is null)) entry.Until = effectiveOn;
        Version = Guid.NewGuid();
    }

    private void MustKnow(string bodyId)
    {
        if (!Knows(bodyId))
            throw DomainRuleException.NotFound("body-not-in-group", new BodyRef(bodyId), Memberships.Select(m => m.BodyId).Distinct().Select(b => new BodyRef(b)).ToList());
    }

    private void MustBeMemberOn(string bodyId, DateOnly date)
    {
        MustKnow(bodyId);
        if (!IsMemberOn(bodyId, date))
            throw DomainRuleException.Conflict("body-not-member-on", new BodyRef(bodyId), date);
    }
}
