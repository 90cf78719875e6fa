using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Groups;

/// <summary>Maps the groups and their dated composition; the domain classes carry no EF attribute.</summary>
internal static class GroupModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Group>(e =>
        {
            e.ToTable("Groups");
            e.HasKey(g => g.Id);
            e.Property(g => g.Country).HasMaxLength(2);
            e.Property(g => g.Title).HasMaxLength(300);
            e.Property(g => g.DefinitionId).HasMaxLength(64);
            e.Property(g => g.Version).IsConcurrencyToken();
            e.HasIndex(g => g.EstablishedBy).IsUnique(); // one group per establishment, founded once
            e.HasIndex(g => g.Country);
            e.HasMany(g => g.Memberships).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(g => g.BodyNames).WithOne().HasForeignKey(n => n.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(g => g.Representatives).WithOne().HasForeignKey(r => r.GroupId).OnDelete(DeleteBehavior.Cascade);
        });
        MeetingModel.Configure(b);
        b.Entity<Membership>(e =>
        {
            e.ToTable("GroupMemberships");
            Dated(e);
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        });
        b.Entity<BodyName>(e =>
        {
            e.ToTable("GroupBodyNames");
            Dated(e);
            e.Property(n => n.Name).HasConversion(Text).HasMaxLength(2000);
        });
        b.Entity<Amendment>(e =>
        {
            e.ToTable("GroupAmendments");
            e.HasKey(a => a.ProcessId);
            e.Property(a => a.CreatedBy).HasMaxLength(256);
            e.Property(a => a.Withdraw).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.ListComparer<string>());
            e.HasOne<Group>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => a.GroupId);
        });
        b.Entity<Representative>(e =>
        {
            e.ToTable("GroupRepresentatives");
            Dated(e);
            e.Property(r => r.Name).HasMaxLength(300);
            e.Property(r => r.Position).HasMaxLength(300);
            e.Property(r => r.Email).HasMaxLength(254);
        });
    }

    private static void Dated<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e) where T : DatedEntry
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.BodyId).HasMaxLength(64);
        e.HasIndex(x => new { x.GroupId, x.BodyId });
    }

    /// <summary>A name in several languages as one JSON column; names are replaced, never changed in place.</summary>
    private static readonly ValueConverter<LocalizedText, string> Text = new(
        v => JsonSerializer.Serialize(v.Values, (JsonSerializerOptions?)null),
        v => new LocalizedText(JsonSerializer.Deserialize<Dictionary<string, string>>(v, (JsonSerializerOptions?)null)!));
}
