namespace WorkingGroups.Infrastructure.Engine;

/// <summary>The engine instance's data: only the process it drives. Facts live in the process projection.</summary>
public sealed class ProcessData
{
    public Guid ProcessId { get; set; }
}
