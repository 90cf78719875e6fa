using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Groups;

/// <summary>Maps meetings, Work Plans and the notices about them; lists inside them (agenda, attendees, evidence) are JSON columns.</summary>
internal static class MeetingModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Meeting>(e =>
        {
            e.ToTable("Meetings");
            e.HasKey(m => m.Id);
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.TimeZone).HasMaxLength(64);
            e.Property(m => m.Place).HasMaxLength(300);
            e.Property(m => m.OnlineLink).HasMaxLength(2000);
            e.Property(m => m.Agenda).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.ListComparer<string>());
            e.Property(m => m.Decisions).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.ListComparer<string>());
            e.Property(m => m.Attendees).HasConversion(JsonColumn.Converter<List<Attendee>>(), JsonColumn.ListComparer<Attendee>());
            e.Property(m => m.ItemReviews).HasConversion(JsonColumn.Converter<List<ItemReview>>(), JsonColumn.ListComparer<ItemReview>());
            e.Property(m => m.Minutes).HasConversion<string>().HasMaxLength(16);
            e.Property(m => m.MinutesDocument).HasConversion(JsonColumn.Converter<Evidence?>());
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(m => new { m.GroupId, m.Date });
        });
        b.Entity<WorkPlan>(e =>
        {
            e.ToTable("WorkPlans");
            e.HasKey(p => p.Id);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasOne<Group>().WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => new { p.GroupId, p.Year }).IsUnique(); // one plan per year
            e.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<GroupNotice>(e =>
        {
            e.ToTable("GroupNotices");
            e.HasKey(n => n.Id);
            e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.LastError).HasMaxLength(2000);
            e.Property(n => n.MessageId).HasMaxLength(300);
            e.Ignore(n => n.Key);
            e.HasIndex(n => new { n.GroupId, n.Kind, n.SubjectId, n.DueOn }).IsUnique(); // once each
            e.HasIndex(n => n.Status);
        });
        b.Entity<WorkItem>(e =>
        {
            e.ToTable("WorkItems");
            e.HasKey(i => i.Id);
            e.Property(i => i.Title).HasMaxLength(4000);
            e.Property(i => i.ResponsibleBodyId).HasMaxLength(64);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(i => i.CoImplementers).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.ListComparer<string>());
            e.Property(i => i.Evidence).HasConversion(JsonColumn.Converter<List<Evidence>>(), JsonColumn.ListComparer<Evidence>());
            e.Property(i => i.Version).IsConcurrencyToken();
        });
    }
}
