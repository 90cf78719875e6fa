using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Groups;

/// <summary>The group an established process created: its members and the representatives they nominated.</summary>
public static class GroupFounding
{
    /// <summary>
    /// The definition's bodies with a role join on the establishment date, except a body that was invited and did not accept
    /// (it declined, or never answered); an accepted invitation's nominee becomes the body's representative.
    /// </summary>
    public static Group Found(Process process, ProcessDefinition definition, DateTime createdAt)
    {
        var establishedOn = process.EstablishedOn ?? throw new InvalidOperationException($"Process {process.Id} is not established.");
        var invitations = process.Steps.SelectMany(s => s.Invitations).ToList();
        var group = new Group
        {
            Id = Guid.NewGuid(),
            Country = process.Country,
            Title = process.Title,
            EstablishedBy = process.Id,
            DefinitionId = process.DefinitionId,
            DefinitionVersion = process.DefinitionVersion,
            EstablishedOn = establishedOn,
            CreatedAt = createdAt,
            Version = Guid.NewGuid(),
        };
        foreach (var body in definition.Members)
        {
            var answers = invitations.Where(i => i.BodyId == body.Id).ToList();
            if (answers.Count > 0 && answers.All(i => i.Status != InvitationStatus.Accepted)) continue;
            var nominee = answers.LastOrDefault(i => i.Status == InvitationStatus.Accepted)?.Nominee;
            group.AddBody(body.Id, body.Name, body.Roles, nominee, establishedOn);
        }
        return group;
    }
}
