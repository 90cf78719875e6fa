using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;

namespace WorkingGroups.Infrastructure.Groups.Notices;

/// <summary>Who receives a group notice. A body is reached through its representative, else its contact in the definition.</summary>
internal static class NoticeRecipients
{
    public sealed record Addresses(IReadOnlyList<string> To, IReadOnlyList<string> Cc, IReadOnlyList<Invitee> Invitees);

    /// <summary>
    /// Meetings: every member's representative (the coordinators in copy). The annual meeting: the coordinators and the
    /// chairs. An item: its responsible body (the coordinators in copy; they alone when the body cannot be reached).
    /// </summary>
    public static Addresses For(GroupNotice notice, NoticeFacts facts, ProcessDefinition? definition, IReadOnlyList<string> coordinators)
    {
        var group = facts.Group;
        switch (notice.Kind)
        {
            case NoticeKind.MeetingInvitation or NoticeKind.MeetingReminder:
                var date = facts.Meeting!.Date;
                var invitees = group.CompositionOn(date).Bodies
                    .Select(b => b.Representative is { Email: { } email } r ? new Invitee(r.Name, email) : null).OfType<Invitee>().ToList();
                return Distinct(invitees.Select(i => i.Email), coordinators, invitees);
            case NoticeKind.AnnualMeetingDue:
                var chairs = group.ChairsOn(facts.Today).Select(b => AddressOf(group, definition, b, facts.Today)).OfType<string>();
                return Distinct(coordinators.Concat(chairs), [], []);
            default:
                var body = AddressOf(group, definition, facts.Item!.ResponsibleBodyId, facts.Today);
                return body is null ? Distinct(coordinators, [], []) : Distinct([body], coordinators, []);
        }
    }

    private static string? AddressOf(Group group, ProcessDefinition? definition, string bodyId, DateOnly date) =>
        group.CompositionOn(date).Bodies.FirstOrDefault(b => b.BodyId == bodyId)?.Representative?.Email
        ?? definition?.FindBody(bodyId)?.Contact?.Email;

    private static Addresses Distinct(IEnumerable<string> to, IEnumerable<string> cc, IReadOnlyList<Invitee> invitees)
    {
        var toList = to.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new Addresses(toList, cc.Distinct(StringComparer.OrdinalIgnoreCase).Where(c => !toList.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList(), invitees);
    }
}
