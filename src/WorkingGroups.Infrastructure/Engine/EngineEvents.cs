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
        EngineShape.StepWaits => "wg2." + definitionId,
        _ => "wg3." + definitionId,
    };

    /// <summary>The shape an instance runs in, read from its workflow id.</summary>
    public static EngineShape ShapeOf(string workflowId) =>
        workflowId.StartsWith("wg3.", StringComparison.Ordinal) ? EngineShape.ProjectionWaits
        : workflowId.StartsWith("wg2.", StringComparison.Ordinal) ? EngineShape.StepWaits
        : EngineShape.AnswerWaits;
}

/// <summary>
/// How an instance waits for a step's completion (docs/decisions/0014-one-event-per-step.md,
/// docs/decisions/0017-steps-wait-on-the-record.md). New instances read it from the process's record when the request
/// that recorded it wakes them; instances started earlier keep waiting for engine events until they end.
/// </summary>
public enum EngineShape
{
    /// <summary>An invitations step waits in a parallel Foreach, one WaitFor per invited body.</summary>
    AnswerWaits = 1,

    /// <summary>Every step waits for one "step completed" event; the request that completes it raises that event.</summary>
    StepWaits = 2,

    /// <summary>
    /// Every step waits in <see cref="Steps.AwaitStep"/>, which reads the step's status from the process's record; the
    /// request that completes it marks the instance due in the same transaction and queues it (<see cref="InstanceWake"/>).
    /// </summary>
    ProjectionWaits = 3,
}
