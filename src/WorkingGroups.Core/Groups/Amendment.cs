using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

/// <summary>
/// A change of a group's composition, run as an ordinary process on a membership-change definition (invitations,
/// answers, approval), so it has the same reminders and dashboards. The bodies to withdraw are named when it starts.
/// </summary>
public sealed class Amendment
{
    public Guid ProcessId { get; set; }
    public Guid GroupId { get; set; }
    public List<string> Withdraw { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>What an approved amendment changes, effective the approval date (the date the process was established).</summary>
public static class Amending
{
    /// <summary>
    /// Invited bodies that accepted join with their definition roles and nominee; the named bodies leave. A body already in
    /// (or already gone) by then is left as it is: the engine runs this and must not fail on a change made meanwhile.
    /// </summary>
    public static void Apply(Group group, Process process, ProcessDefinition definition, IReadOnlyList<string> withdraw)
    {
        var on = process.EstablishedOn ?? throw new InvalidOperationException($"Process {process.Id} is not established.");
        if (on < group.EstablishedOn) return;
        foreach (var bodyId in withdraw.Where(b => group.IsMemberOn(b, on))) group.WithdrawBody(bodyId, on);
        foreach (var invitation in process.Steps.SelectMany(s => s.Invitations).Where(i => i.Status == InvitationStatus.Accepted))
        {
            if (definition.FindBody(invitation.BodyId) is not { } body || group.IsMemberOn(body.Id, on)) continue;
            if (group.Memberships.Any(m => m.BodyId == body.Id && m.Until > on)) continue;
            group.AddBody(body.Id, body.Name, body.Roles, invitation.Nominee, on);
        }
    }

    /// <summary>The rules of starting an amendment of a group on a definition.</summary>
    public static void MustFit(Group group, ProcessDefinition definition, DateOnly startedOn, IReadOnlyList<string> withdraw, DateOnly today)
    {
        if (definition.Kind != DefinitionKind.MembershipChange)
            throw DomainRuleException.Invalid("definitionId", "not-an-amendment", definition.Id);
        if (definition.Country != group.Country)
            throw DomainRuleException.Invalid("definitionId", "definition-other-country", definition.Id, definition.Country, group.Country);
        if (startedOn < group.EstablishedOn)
            throw DomainRuleException.Invalid("startedOn", "date-before-establishment", "startedOn", startedOn, group.EstablishedOn);
        for (var i = 0; i < withdraw.Count; i++)
        {
            if (!group.IsMemberOn(withdraw[i], today))
                throw DomainRuleException.Invalid($"withdraw[{i}]", "body-not-member-on", new BodyRef(withdraw[i]), today);
        }
    }
}
