using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Processes;

/// <summary>Maps the processes; the domain classes carry no EF attribute, and EF writes their private fields.</summary>
internal static class ProcessModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Process>(e =>
        {
            e.ToTable("Processes");
            e.HasKey(p => p.Id);
            e.Property(p => p.DefinitionId).HasMaxLength(64);
            e.Property(p => p.Country).HasMaxLength(2);
            e.Property(p => p.Title).HasMaxLength(300);
            e.Property(p => p.CancelReason).HasMaxLength(2000);
            e.Property(p => p.CreatedBy).HasMaxLength(256);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.ProcessId).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(p => p.Steps).HasField("_steps");
            e.HasIndex(p => new { p.Country, p.Status });
        });

        b.Entity<ProcessStep>(e =>
        {
            e.ToTable("ProcessSteps");
            e.HasKey(s => new { s.ProcessId, s.StepId });
            e.Property(s => s.StepId).HasMaxLength(64);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.Note).HasMaxLength(4000);
            e.Property(s => s.Evidence).HasConversion(JsonColumn.Converter<IReadOnlyList<Evidence>>(), JsonColumn.ReadOnlyListComparer<Evidence>());
            e.Property(s => s.Rounds).HasConversion(JsonColumn.Converter<IReadOnlyList<StepRound>>(), JsonColumn.ReadOnlyListComparer<StepRound>());
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasMany(s => s.Invitations).WithOne().HasForeignKey(i => new { i.ProcessId, i.StepId }).OnDelete(DeleteBehavior.Cascade);
            e.Navigation(s => s.Invitations).HasField("_invitations");
        });

        b.Entity<Invitation>(e =>
        {
            e.ToTable("Invitations");
            e.HasKey(i => new { i.ProcessId, i.StepId, i.BodyId });
            e.Property(i => i.BodyId).HasMaxLength(64);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.Reason).HasMaxLength(2000);
            e.Property(i => i.Nominee).HasConversion(JsonColumn.Converter<Nominee?>());
            e.Property(i => i.Version).IsConcurrencyToken();
        });

        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(a => a.Id);
            e.Property(a => a.User).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(64);
            e.HasIndex(a => a.ProcessId);
        });
    }
}
