using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Attachments;

namespace WorkingGroups.Infrastructure.Attachments;

/// <summary>One piece of a document's bytes, in order: the file lives in the database on both providers without a row of 20 MB.</summary>
internal sealed class AttachmentChunk
{
    public Guid AttachmentId { get; set; }
    public int Index { get; set; }
    public required byte[] Data { get; set; }
}

internal static class AttachmentModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Attachment>(e =>
        {
            e.ToTable("Attachments");
            e.HasKey(a => a.Id);
            e.Ignore(a => a.Owner);
            e.Property(a => a.OwnerKind).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.OwnerKey).HasMaxLength(200);
            e.Property(a => a.Name).HasMaxLength(AttachmentName.MaxLength);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.Property(a => a.AddedBy).HasMaxLength(300);
            e.HasIndex(a => new { a.OwnerKind, a.OwnerId, a.OwnerKey });
        });
        b.Entity<AttachmentChunk>(e =>
        {
            e.ToTable("AttachmentChunks");
            e.HasKey(c => new { c.AttachmentId, c.Index });
            e.HasOne<Attachment>().WithMany().HasForeignKey(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
