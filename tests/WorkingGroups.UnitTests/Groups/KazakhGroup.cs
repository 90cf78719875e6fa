using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.UnitTests.Definitions;
using WorkingGroups.UnitTests.Processes;

namespace WorkingGroups.UnitTests.Groups;

/// <summary>The Kazakh group as its establishment left it: eight invited bodies, seven accepted, WIC declined.</summary>
internal static class KazakhGroup
{
    public static readonly ProcessDefinition Definition =
        DefinitionLoader.LoadFolder(RepositoryDefinitionsTests.WorkflowsFolder()).Definitions.Single(d => d.Id == "kz-establishment");

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    /// <summary>Started with the Kazakh definition and walked up to its invitations, sent on <paramref name="invitedOn"/>.</summary>
    public static Walk UpToInvitations(string startedOn, string invitedOn) =>
        Walk.Start(Definition, startedOn, "Kazakhstan WG")
            .Done("start-procedure", startedOn)
            .Done("draft-order", startedOn)
            .Done("letter-to-minister", invitedOn);

    public static Process EstablishedProcess(string establishedOn = "2025-12-29")
    {
        var walk = UpToInvitations("2025-09-01", "2025-10-13");
        foreach (var body in Definition.FindStep("invitations")!.Invitees)
        {
            if (body == "wic") walk.Declined("invitations", body, "2025-11-21");
            else walk.Accepted("invitations", body, "2025-11-21", new Nominee($"Representative of {body}", "Head of division", $"{body}.rep@example.org"));
        }
        return walk.Done("approve-composition", establishedOn).Process;
    }

    public static Group Founded() => GroupFounding.Found(EstablishedProcess(), Definition, DateTime.UtcNow);

    public static LocalizedText Name(string en, string ru) => new(new Dictionary<string, string> { ["en"] = en, ["ru"] = ru });
}
