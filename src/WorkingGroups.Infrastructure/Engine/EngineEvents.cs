namespace WorkingGroups.Infrastructure.Engine;

/// <summary>
/// Names and keys of the events the engine waits for. Keys are unique per process, step and body, so an
/// instance never consumes another's event (a WorkflowCore trap: see DESIGN.md).
/// </summary>
public static class EngineEvents
{
    public const string StepCompleted = "wg.step-completed";
    public const string InvitationAnswered = "wg.invitation-answered";

    public static string StepKey(Guid processId, string stepId) => $"{processId:N}/{stepId}";

    public static string InvitationKey(Guid processId, string stepId, string bodyId) => $"{processId:N}/{stepId}/{bodyId}";

    /// <summary>The engine's workflow id for a definition.</summary>
    public static string WorkflowId(string definitionId) => "wg." + definitionId;
}
