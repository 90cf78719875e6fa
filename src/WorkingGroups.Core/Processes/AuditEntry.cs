namespace WorkingGroups.Core.Processes;

/// <summary>One change to a process: who, when (UTC, from the clock), what, and the values before and after (JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public Guid ProcessId { get; set; }
    public DateTime At { get; set; }
    public required string User { get; set; }
    public required string Action { get; set; }
    public string? StepId { get; set; }
    public string? BodyId { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
