using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace WorkingGroups.IntegrationTests.Attachments;

/// <summary>Files as a user would send them: a scanned order (PDF), a letter (DOCX), and the bad inputs of issue 32.</summary>
public static class Documents
{
    public static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Docx(string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Write(zip, "word/document.xml", $"<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>");
        }
        return buffer.ToArray();
    }

    /// <summary>A "DOCX" whose document unpacks to 64 MB of zeros from some 64 KB: the shape of a zip bomb.</summary>
    public static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", "<Types/>");
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++) entry.Write(zeros);
        }
        return buffer.ToArray();
    }

    /// <summary>A Windows program's first bytes ("MZ"), as a renamed executable starts.</summary>
    public static byte[] Executable() => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[2000]];

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The form a client sends: the file in the part "file", under <paramref name="name"/> (as filename and filename*).</summary>
    public static MultipartFormDataContent Form(byte[] bytes, string name, string declaredType = "application/pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    /// <summary>A form whose file name is sent as given, percent-encoded in filename* only: control characters and separators included.</summary>
    public static MultipartFormDataContent RawNameForm(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename*=UTF-8''{Uri.EscapeDataString(name)}");
        var form = new MultipartFormDataContent();
        form.Add(file);
        return form;
    }
}
