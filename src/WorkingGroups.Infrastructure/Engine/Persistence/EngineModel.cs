using Microsoft.EntityFrameworkCore;

namespace WorkingGroups.Infrastructure.Engine.Persistence;

/// <summary>
/// Maps the engine's tables (prefix "Engine") into the app's one database. Every date is a UTC
/// <see cref="DateTime"/>: SQLite cannot compare DateTimeOffset, and a column of mixed kinds would compare wrongly
/// (the app's model converts every DateTime to UTC, <see cref="Persistence.UtcDateTime"/>).
/// </summary>
public static class EngineModel
{
    private const int IdLength = 200;
    private const int NameLength = 200;

    public static void Configure(ModelBuilder b)
    {
        ArgumentNullException.ThrowIfNull(b);

        b.Entity<PersistedWorkflow>(e =>
        {
            e.ToTable("EngineWorkflows");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.WorkflowDefinitionId).HasMaxLength(NameLength).IsRequired();
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.Reference).HasMaxLength(NameLength);
            e.Property(x => x.ExecutionPointersJson).IsRequired();
            e.Property(x => x.ConcurrencyToken).IsConcurrencyToken();
            // The runnable poller: Status = Runnable AND NextExecution <= now.
            e.HasIndex(x => new { x.Status, x.NextExecution }).HasDatabaseName("IX_EngineWorkflows_Status_NextExecution");
            e.HasIndex(x => x.Reference).HasDatabaseName("IX_EngineWorkflows_Reference");
        });

        b.Entity<PersistedSubscription>(e =>
        {
            e.ToTable("EngineSubscriptions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.WorkflowId).HasMaxLength(IdLength).IsRequired();
            e.Property(x => x.ExecutionPointerId).HasMaxLength(IdLength);
            e.Property(x => x.EventName).HasMaxLength(NameLength).IsRequired();
            e.Property(x => x.EventKey).HasMaxLength(NameLength).IsRequired();
            e.Property(x => x.ExternalToken).HasMaxLength(1000);
            e.Property(x => x.ExternalWorkerId).HasMaxLength(NameLength);
            // Event matching: EventName = ? AND EventKey = ? (AND SubscribeAsOf <= ?).
            e.HasIndex(x => new { x.EventName, x.EventKey }).HasDatabaseName("IX_EngineSubscriptions_EventName_EventKey");
            e.HasIndex(x => x.WorkflowId).HasDatabaseName("IX_EngineSubscriptions_WorkflowId");
        });

        b.Entity<PersistedEvent>(e =>
        {
            e.ToTable("EngineEvents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.EventName).HasMaxLength(NameLength).IsRequired();
            e.Property(x => x.EventKey).HasMaxLength(NameLength).IsRequired();
            // The event poller: IsProcessed = 0 AND EventTime <= now.
            e.HasIndex(x => new { x.IsProcessed, x.EventTime }).HasDatabaseName("IX_EngineEvents_IsProcessed_EventTime");
            // A new subscription looks for earlier events: EventName = ? AND EventKey = ? AND EventTime >= ?.
            e.HasIndex(x => new { x.EventName, x.EventKey, x.EventTime }).HasDatabaseName("IX_EngineEvents_EventName_EventKey_EventTime");
        });

        b.Entity<PersistedExecutionError>(e =>
        {
            e.ToTable("EngineExecutionErrors");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.WorkflowId).HasMaxLength(IdLength).IsRequired();
            e.Property(x => x.ExecutionPointerId).HasMaxLength(IdLength);
            e.HasIndex(x => x.WorkflowId).HasDatabaseName("IX_EngineExecutionErrors_WorkflowId");
        });

        b.Entity<PersistedScheduledCommand>(e =>
        {
            e.ToTable("EngineScheduledCommands");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.CommandName).HasMaxLength(NameLength).IsRequired();
            e.Property(x => x.Data).HasMaxLength(IdLength).IsRequired();
            e.HasIndex(x => new { x.CommandName, x.Data }).IsUnique().HasDatabaseName("IX_EngineScheduledCommands_CommandName_Data");
            // The command poller: ExecuteTime <= now.
            e.HasIndex(x => x.ExecuteTime).HasDatabaseName("IX_EngineScheduledCommands_ExecuteTime");
        });
    }
}
