namespace WorkingGroups.Infrastructure.Engine.Persistence;

// Rows of the engine's own state (WorkflowCore), mapped by EngineModel and written only by EfPersistenceProvider.
// Every DateTime is UTC; polymorphic payloads are Newtonsoft JSON with type names (see EfPersistenceProvider).

/// <summary>One WorkflowCore instance. The execution pointers live in one JSON column: they are always read and
/// written together with the instance, so a child table would only add joins and partial-update hazards.</summary>
public sealed class PersistedWorkflow
{
    /// <summary>WorkflowCore's instance id (a GUID in its "D" text form unless the caller chose one).</summary>
    public string Id { get; set; } = "";

    public string WorkflowDefinitionId { get; set; } = "";

    public int Version { get; set; }

    public string? Description { get; set; }

    public string? Reference { get; set; }

    /// <summary>The instance's data object, with its type name.</summary>
    public string? DataJson { get; set; }

    /// <summary>The whole execution pointer list, with type names for the object-typed members.</summary>
    public string ExecutionPointersJson { get; set; } = "[]";

    /// <summary>UTC ticks of the next time the instance wants to run; null when it waits for nothing timed.</summary>
    public long? NextExecution { get; set; }

    /// <summary><see cref="WorkflowCore.Models.WorkflowStatus"/> as a number.</summary>
    public int Status { get; set; }

    public DateTime CreateTime { get; set; }

    public DateTime? CompleteTime { get; set; }

    /// <summary>Replaced on every write; a write based on an older read fails instead of losing the other write.</summary>
    public Guid ConcurrencyToken { get; set; }
}

/// <summary>A step waiting for an event (or an external activity worker).</summary>
public sealed class PersistedSubscription
{
    public string Id { get; set; } = "";

    public string WorkflowId { get; set; } = "";

    public int StepId { get; set; }

    public string? ExecutionPointerId { get; set; }

    public string EventName { get; set; } = "";

    public string EventKey { get; set; } = "";

    /// <summary>Only events at or after this time (UTC) satisfy the subscription.</summary>
    public DateTime SubscribeAsOf { get; set; }

    public string? SubscriptionDataJson { get; set; }

    /// <summary>Set while an activity worker holds the subscription.</summary>
    public string? ExternalToken { get; set; }

    public string? ExternalWorkerId { get; set; }

    public DateTime? ExternalTokenExpiry { get; set; }
}

/// <summary>A published event, kept until processed (and afterwards, for late subscribers with an early effective date).</summary>
public sealed class PersistedEvent
{
    public string Id { get; set; } = "";

    public string EventName { get; set; } = "";

    public string EventKey { get; set; } = "";

    public string? EventDataJson { get; set; }

    public DateTime EventTime { get; set; }

    public bool IsProcessed { get; set; }
}

/// <summary>An error a step raised while the engine executed it.</summary>
public sealed class PersistedExecutionError
{
    public long Id { get; set; }

    public string WorkflowId { get; set; } = "";

    public string? ExecutionPointerId { get; set; }

    public DateTime ErrorTime { get; set; }

    public string? Message { get; set; }
}

/// <summary>A deferred "process this workflow / event" command; at most one per (CommandName, Data).</summary>
public sealed class PersistedScheduledCommand
{
    public long Id { get; set; }

    public string CommandName { get; set; } = "";

    /// <summary>The workflow or event id the command is about.</summary>
    public string Data { get; set; } = "";

    /// <summary>UTC ticks.</summary>
    public long ExecuteTime { get; set; }
}
