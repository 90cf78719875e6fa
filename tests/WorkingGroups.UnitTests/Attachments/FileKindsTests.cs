using System.IO.Compression;
using System.Text;
using WorkingGroups.Core.Attachments;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.UnitTests.Attachments;

/// <summary>The kind of a document is read from its bytes: each kept kind is known, a look-alike is not.</summary>
public sealed class FileKindsTests
{
    private static FileKind Of(byte[] bytes) => FileKinds.Of(new MemoryStream(bytes));

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                stream.Write(Encoding.ASCII.GetBytes(text));
            }
        return buffer.ToArray();
    }

    [Fact]
    public void Each_kept_kind_is_known_by_its_content()
    {
        Assert.Same(FileKinds.Pdf, Of([.. "%PDF-1.4\n"u8, 1, 2, 3]));
        Assert.Same(FileKinds.Png, Of([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Same(FileKinds.Jpeg, Of([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Same(FileKinds.Docx, Of(Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>"))));
        Assert.Same(FileKinds.Xlsx, Of(Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<x/>"))));
        Assert.Same(FileKinds.Odt, Of(Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<o/>"))));
    }

    [Fact]
    public void A_look_alike_is_refused()
    {
        Assert.Equal("attachment-type-refused", Assert.Throws<DomainRuleException>(() => Of(Zip(("word/document.xml", "<w/>")))).Code);
        Assert.Equal("attachment-type-refused", Assert.Throws<DomainRuleException>(() => Of(Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet")))).Code);
        Assert.Equal("attachment-type-refused", Assert.Throws<DomainRuleException>(() => Of([.. "PK\u0003\u0004"u8, 0, 0, 0])).Code); // a broken zip
        Assert.Equal("attachment-empty", Assert.Throws<DomainRuleException>(() => Of([])).Code);
    }

    [Theory]
    [InlineData("../order.pdf", "name-has-path")]
    [InlineData("C:\\scans\\order.pdf", "name-has-path")]
    [InlineData("order\u0000.pdf", "control-characters")]
    [InlineData("order\u202Efdp.exe", "control-characters")]
    [InlineData("   ", "required")]
    public void A_name_with_a_path_or_control_characters_is_refused(string name, string code) =>
        Assert.Equal(code, Assert.Throws<DomainRuleException>(() => AttachmentName.Check(name)).Code);

    [Fact]
    public void A_plain_name_is_kept_as_sent_without_surrounding_spaces() =>
        Assert.Equal("Приказ № 17.pdf", AttachmentName.Check("  Приказ № 17.pdf "));
}
