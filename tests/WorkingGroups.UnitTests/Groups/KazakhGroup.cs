using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.UnitTests.Definitions;

namespace WorkingGroups.UnitTests.Groups;

/// <summary>The Kazakh group as its establishment left it: eight invited bodies, seven accepted, WIC declined.</summary>
internal static class KazakhGroup
{
    public static readonly ProcessDefinition Definition =
        DefinitionLoader.LoadFolder(RepositoryDefinitionsTests.WorkflowsFolder()).Definitions.Single(d => d.Id == "kz-establishment");

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    public static Process EstablishedProcess(string establishedOn = "2025-12-29")
    {
        var invitations = Definition.FindStep("invitations")!.Invitees.Select(body => new Invitation
        {
            StepId = "invitations",
            BodyId = body,
            SentOn = D("2025-10-13"),
            RespondedOn = D("2025-11-21"),
            Status = body == "wic" ? InvitationStatus.Declined : InvitationStatus.Accepted,
            Nominee = body == "wic" ? null : new Nominee($"Representative of {body}", "Head of division", $"{body}.rep@example.org"),
        }).ToList();
        return new Process
        {
            Id = Guid.NewGuid(),
            DefinitionId = Definition.Id,
            DefinitionVersion = Definition.Version,
            Country = "KZ",
            Title = "Kazakhstan WG",
            CreatedBy = "tests",
            Status = ProcessStatus.Established,
            StartedOn = D("2025-09-01"),
            EstablishedOn = D(establishedOn),
            Steps = Definition.Steps.Select((s, i) => new ProcessStep
            {
                StepId = s.Id,
                Order = i,
                Status = StepStatus.Done,
                Invitations = s.Id == "invitations" ? invitations : [],
            }).ToList(),
        };
    }

    public static Group Founded() => GroupFounding.Found(EstablishedProcess(), Definition, DateTime.UtcNow);

    public static LocalizedText Name(string en, string ru) => new(new Dictionary<string, string> { ["en"] = en, ["ru"] = ru });
}
