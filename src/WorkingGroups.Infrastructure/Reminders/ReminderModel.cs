using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Reminders;

namespace WorkingGroups.Infrastructure.Reminders;

internal static class ReminderModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Reminder>(e =>
        {
            e.ToTable("Reminders");
            e.HasKey(r => r.Id);
            e.Property(r => r.StepId).HasMaxLength(64);
            e.Property(r => r.BodyId).HasMaxLength(64);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.LastError).HasMaxLength(2000);
            e.Property(r => r.Recipients).HasMaxLength(2000);
            e.Property(r => r.Language).HasMaxLength(8);
            e.Property(r => r.MessageId).HasMaxLength(300);
            e.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.LetterNumber).HasMaxLength(RecordedReminders.MaxLetterNumber);
            e.Property(r => r.Note).HasMaxLength(Core.Processes.ProcessRules.MaxNote);
            e.Property(r => r.RecordedBy).HasMaxLength(256);
            // The idempotency key: one reminder per process, step, body, kind and due date, whoever sweeps.
            e.HasIndex(r => new { r.ProcessId, r.StepId, r.BodyId, r.Kind, r.DueOn }).IsUnique();
            e.HasIndex(r => r.Status);
        });
        b.Entity<ReminderPause>(e =>
        {
            e.ToTable("ReminderPauses");
            e.HasKey(p => p.ProcessId);
            e.Property(p => p.PausedBy).HasMaxLength(256);
        });
        b.Entity<DigestSubscription>(e =>
        {
            e.ToTable("DigestSubscriptions");
            e.HasKey(d => d.Email);
            e.Property(d => d.Email).HasMaxLength(256);
            e.Property(d => d.Country).HasMaxLength(2);
        });
        b.Entity<Digest>(e =>
        {
            e.ToTable("Digests");
            e.HasKey(d => d.Id);
            e.Property(d => d.Email).HasMaxLength(256);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.LastError).HasMaxLength(2000);
            e.Property(d => d.MessageId).HasMaxLength(300);
            e.HasIndex(d => new { d.Email, d.WeekOf }).IsUnique();
        });
        b.Entity<AnswerNotice>(e =>
        {
            e.ToTable("AnswerNotices");
            e.HasKey(n => n.Id);
            e.Property(n => n.StepId).HasMaxLength(64);
            e.Property(n => n.BodyId).HasMaxLength(64);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.LastError).HasMaxLength(2000);
            e.Property(n => n.MessageId).HasMaxLength(300);
            e.Property(n => n.Recipients).HasMaxLength(2000);
            e.HasIndex(n => new { n.ProcessId, n.StepId, n.BodyId }).IsUnique();
            e.HasIndex(n => n.Status);
        });
    }
}
