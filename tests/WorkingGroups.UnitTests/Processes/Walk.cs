using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.UnitTests.Definitions;

namespace WorkingGroups.UnitTests.Processes;

/// <summary>
/// Takes a process through the engine's own commands, each recorded on the day it happened, so that a test only ever
/// sees a state the engine can reach.
/// </summary>
internal sealed class Walk
{
    private readonly ProcessDefinition _definition;

    private Walk(ProcessDefinition definition, Process process)
    {
        _definition = definition;
        Process = process;
    }

    public Process Process { get; }

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    /// <summary>A definition written as JSON, loaded as the app loads its folder.</summary>
    public static ProcessDefinition Load(string json)
    {
        using var files = new DefinitionFiles().Add("definition.json", json);
        var result = files.Load();
        Assert.Empty(result.Errors);
        return Assert.Single(result.Definitions);
    }

    public static Walk Start(ProcessDefinition definition, string startedOn, string? title = null) =>
        new(definition, Process.Start(definition, D(startedOn), title, "tests", DateTime.UtcNow, D(startedOn)));

    public Walk Done(string stepId, string completedOn)
    {
        Process.Complete(_definition, stepId, new CompleteStep(D(completedOn), null, null), D(completedOn));
        return this;
    }

    public Walk Accepted(string stepId, string bodyId, string respondedOn, Nominee? nominee = null)
    {
        var command = new AnswerInvitation(InvitationResponse.Accepted, D(respondedOn), nominee ?? new Nominee($"Representative of {bodyId}", null, null), null);
        Process.Answer(_definition, stepId, bodyId, command, D(respondedOn));
        return this;
    }

    public Walk Declined(string stepId, string bodyId, string respondedOn)
    {
        Process.Answer(_definition, stepId, bodyId, new AnswerInvitation(InvitationResponse.Declined, D(respondedOn), null, null), D(respondedOn));
        return this;
    }

    public Walk SentBack(string stepId, string sentBackOn, string reason = "Comments on the draft")
    {
        Process.SendBack(_definition, stepId, new SendBackStep(D(sentBackOn), reason), D(sentBackOn));
        return this;
    }
}
