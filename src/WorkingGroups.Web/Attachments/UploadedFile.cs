using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Web.Attachments;

/// <summary>
/// A file as it arrived in a multipart/form-data request, streamed section by section (never bound as a form, which
/// would buffer it) into a temporary file readable by the app's user only, deleted when this is disposed. Reading stops
/// the moment the file passes the limit. The small fields before the file (a page's antiforgery token) are kept.
/// </summary>
internal sealed class UploadedFile : IAsyncDisposable
{
    public const string FilePart = "file";
    private const int MaxFields = 8;
    private const int MaxFieldBytes = 4096;

    private UploadedFile(string name, FileStream content, IReadOnlyDictionary<string, string> fields) => (Name, Content, Fields) = (name, content, fields);

    /// <summary>The name the sender gave, as sent: the rules decide whether it is kept.</summary>
    public string Name { get; }

    /// <summary>The bytes, seekable.</summary>
    public FileStream Content { get; }

    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <param name="beforeFile">Runs on the fields that came before the file, before a byte of it is read (a page checks its antiforgery token).</param>
    public static async Task<UploadedFile> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken,
        Func<IReadOnlyDictionary<string, string>, Task>? beforeFile = null)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            throw NoFile();

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024, HeadersCountLimit = 16 };
        MultipartSection? section;
        try
        {
            while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)) continue;
                var part = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (part == FilePart && disposition.IsFileDisposition())
                {
                    if (beforeFile is not null) await beforeFile(fields);
                    var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value! : HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "";
                    return new UploadedFile(name, await CopyAsync(section.Body, maxBytes, cancellationToken), fields);
                }
                if (fields.Count < MaxFields && !disposition.IsFileDisposition()) fields[part] = await FieldAsync(section.Body, cancellationToken);
            }
        }
        catch (InvalidDataException)
        {
            throw NoFile(); // a multipart body that breaks its own format
        }
        throw NoFile();
    }

    /// <summary>The section into a new owner-only temporary file, counting as it goes; past the limit the file is gone and the request refused.</summary>
    private static async Task<FileStream> CopyAsync(Stream section, long maxBytes, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"wg-upload-{Guid.NewGuid():N}"), options);
        try
        {
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await section.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes) throw DomainRuleException.TooLarge(FilePart, "attachment-too-large", maxBytes / (1024 * 1024));
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task<string> FieldAsync(Stream section, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes];
        var read = await section.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == buffer.Length && await section.ReadAsync(new byte[1], cancellationToken) > 0)
            throw DomainRuleException.Invalid("form", "too-long", "a form field", "> " + MaxFieldBytes, MaxFieldBytes);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static DomainRuleException NoFile() => DomainRuleException.Invalid(FilePart, "attachment-no-file");

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
