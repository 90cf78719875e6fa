using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Core.Groups;
using WorkingGroups.Infrastructure.Groups;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// The one database of the app: users, processes, groups, reminders and the signing keys, so that a command and
/// everything that follows from it commit in one transaction.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DefinitionVersionRecord> DefinitionVersions => Set<DefinitionVersionRecord>();
    public DbSet<Process> Processes => Set<Process>();
    public DbSet<ProcessStep> ProcessSteps => Set<ProcessStep>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<ReminderPause> ReminderPauses => Set<ReminderPause>();
    public DbSet<DigestSubscription> DigestSubscriptions => Set<DigestSubscription>();
    public DbSet<Digest> Digests => Set<Digest>();
    public DbSet<AnswerNotice> AnswerNotices => Set<AnswerNotice>();
    public DbSet<Group> Groups => Set<Group>();

    /// <summary>The keys that sign answer links and cookies, when several app instances share a PostgreSQL database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>On SQLite, saves take turns in the process rather than sleep in SQLite's busy handler (<see cref="SqliteWriteQueue"/>).</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SqliteWriteQueue.SaveAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SqliteWriteQueue.Save(this, () => base.SaveChanges(acceptAllChangesOnSuccess));

    /// <summary>
    /// Every timestamp is stored as UTC and read back as UTC: PostgreSQL refuses any other kind, and SQLite's text
    /// dates would otherwise come back with no kind at all.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTime>().HaveConversion<UtcDateTime>();
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffset>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ProcessModel.Configure(builder);
        IdentityModel.Configure(builder);
        ReminderModel.Configure(builder);
        GroupModel.Configure(builder);
        Attachments.AttachmentModel.Configure(builder);
        Calendars.CalendarYearRecord.Configure(builder);
        builder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("IdempotencyRecords");
            e.HasKey(r => new { r.User, r.Key });
            e.Property(r => r.User).HasMaxLength(256);
            e.Property(r => r.Key).HasMaxLength(200);
            e.Property(r => r.Request).HasMaxLength(500);
            e.HasIndex(r => r.ProcessId);
        });
        builder.Entity<DefinitionVersionRecord>(e =>
        {
            e.ToTable("DefinitionVersions");
            e.HasKey(v => new { v.DefinitionId, v.Version });
            e.Property(v => v.DefinitionId).HasMaxLength(64);
            e.Property(v => v.Country).HasMaxLength(2);
            e.Property(v => v.ContentHash).HasMaxLength(64);
        });
    }
}
