using WorkingGroups.Core.Attachments;

namespace WorkingGroups.Web.Attachments;

/// <summary>A kept document as the API lists it; <see cref="Href"/> downloads it.</summary>
internal sealed record AttachmentView(Guid Id, string Name, string ContentType, long Size, string Sha256, string AddedBy, DateTime AddedAt, string Href)
{
    public static AttachmentView From(Attachment a, string basePath) =>
        new(a.Id, a.Name, a.ContentType, a.Size, a.Sha256, a.AddedBy, DateTime.SpecifyKind(a.AddedAt, DateTimeKind.Utc), $"{basePath}/{a.Id}");
}
