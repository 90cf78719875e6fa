using Microsoft.Net.Http.Headers;
using WorkingGroups.Core.Attachments;
using WorkingGroups.Infrastructure.Attachments;

namespace WorkingGroups.Web.Attachments;

/// <summary>
/// A kept document sent back as it came: its type, length, Content-Disposition: attachment with the original name
/// (filename and RFC 5987's filename* for names beyond ASCII), its SHA-256 as Repr-Digest (RFC 9530), streamed one chunk at a time.
/// </summary>
internal sealed class AttachmentDownload(Attachment attachment, AttachmentService service) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(attachment.Name);
        http.Response.ContentType = attachment.ContentType;
        http.Response.ContentLength = attachment.Size;
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(attachment.Sha256))}:";
        http.Response.Headers.CacheControl = "private, no-store";
        await service.CopyToAsync(attachment, http.Response.Body, http.RequestAborted);
    }
}
