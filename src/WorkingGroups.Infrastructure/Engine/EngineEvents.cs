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

    /// <summary>The engine's workflow id for a definition in the given shape.</summary>
    public static string WorkflowId(string definitionId, EngineShape shape) => shape switch
    {
        EngineShape.AnswerWaits => "wg." + definitionId,
        _ => "wg2." + definitionId,
    };

    /// <summary>The shape an instance runs in, read from its workflow id.</summary>
    public static EngineShape ShapeOf(string workflowId) =>
        workflowId.StartsWith("wg2.", StringComparison.Ordinal) ? EngineShape.StepWaits : EngineShape.AnswerWaits;
}

/// <summary>
/// How an invitations step waits (docs/decisions/0014-one-event-per-step.md). New instances wait for one event per
/// step of any kind; instances started before 2026-11-25 keep waiting for one event per invited body until they end.
/// </summary>
public enum EngineShape
{
    /// <summary>An invitations step waits in a parallel Foreach, one WaitFor per invited body.</summary>
    AnswerWaits = 1,

    /// <summary>Every step waits for one "step completed" event; the request that completes it raises that event.</summary>
    StepWaits = 2,
}
