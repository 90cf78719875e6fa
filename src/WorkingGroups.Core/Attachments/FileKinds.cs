using System.IO.Compression;
using System.Text;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Attachments;

/// <summary>A type of document the app keeps: its content type and the extension a download suggests.</summary>
public sealed record FileKind(string Name, string ContentType, string Extension);

/// <summary>
/// Decides what a file is by reading it, never by its name or the type the sender declared: PDF, PNG and JPEG by
/// their first bytes; DOCX, XLSX and ODT by the entries of their zip's central directory. Nothing is inflated but the
/// few bytes of an ODT's "mimetype" entry, so a zip bomb cannot explode here; it is refused by what it declares (too
/// many entries, or sizes no document has), so that no reader of ours or the recipient's is handed one.
/// </summary>
public static class FileKinds
{
    public static readonly FileKind Pdf = new("pdf", "application/pdf", ".pdf");
    public static readonly FileKind Png = new("png", "image/png", ".png");
    public static readonly FileKind Jpeg = new("jpeg", "image/jpeg", ".jpg");
    public static readonly FileKind Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileKind Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly FileKind Odt = new("odt", "application/vnd.oasis.opendocument.text", ".odt");

    public static readonly IReadOnlyList<FileKind> All = [Pdf, Docx, Xlsx, Odt, Jpeg, Png];

    /// <summary>The most entries a document's zip may list; a long report has a few hundred.</summary>
    public const int MaxZipEntries = 5000;

    /// <summary>The most a document's zip may declare once inflated, all entries together.</summary>
    public const long MaxZipInflated = 512L * 1024 * 1024;

    /// <summary>An entry that declares more than this many times its compressed size is a bomb, not a document.</summary>
    public const long MaxZipRatio = 200;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The kind of the file in <paramref name="content"/> (seekable, read from its start), or a refusal (400).</summary>
    public static FileKind Of(Stream content)
    {
        if (content.Length == 0) throw DomainRuleException.Invalid("file", "attachment-empty");
        var head = new byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = head.AsSpan(0, read);
        if (start.StartsWith(PdfMagic)) return Pdf;
        if (start.StartsWith(PngMagic)) return Png;
        if (start.StartsWith(JpegMagic)) return Jpeg;
        if (start.StartsWith(ZipMagic)) return OfZip(content);
        throw Refused();
    }

    private static FileKind OfZip(Stream content)
    {
        content.Position = 0;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw Refused();
        }
        using (zip)
        {
            var entries = zip.Entries;
            if (entries.Count > MaxZipEntries) throw Bomb();
            long inflated = 0;
            foreach (var entry in entries)
            {
                inflated += entry.Length;
                if (entry.Length < 0 || inflated > MaxZipInflated) throw Bomb();
                if (entry.Length > 1024 * 1024 && entry.Length > Math.Max(entry.CompressedLength, 1) * MaxZipRatio) throw Bomb();
            }
            var names = entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal))) return Docx;
                if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal))) return Xlsx;
            }
            if (zip.GetEntry("mimetype") is { Length: < 100 } mimetype && MimeType(mimetype) == Odt.ContentType) return Odt;
        }
        throw Refused();
    }

    private static string MimeType(ZipArchiveEntry entry)
    {
        try
        {
            using var stream = entry.Open();
            var buffer = new byte[100];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return Encoding.ASCII.GetString(buffer, 0, read).Trim();
        }
        catch (InvalidDataException)
        {
            return "";
        }
    }

    private static DomainRuleException Refused() =>
        DomainRuleException.Invalid("file", "attachment-type-refused", string.Join(", ", All.Select(k => k.Name.ToUpperInvariant())));

    private static DomainRuleException Bomb() =>
        DomainRuleException.Invalid("file", "attachment-zip-bomb", MaxZipEntries, MaxZipInflated / (1024 * 1024));
}
