using System.Diagnostics;

namespace WorkingGroups.IntegrationTests.Letters;

/// <summary>
/// Debian's python3-docx, an independent reader of our .docx (`.ci/run` installs it): the paragraphs' text, one a line,
/// then the document's language as its core properties state it.
/// </summary>
internal static class DocxReader
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, docx
        d = docx.Document(sys.argv[1])
        for p in d.paragraphs: print(p.text)
        print("language=" + (d.core_properties.language or ""))
        """;

    public static async Task<string> ReadAsync(byte[] document)
    {
        var check = Process.Start(new ProcessStartInfo(Python, "-c \"import docx\"") { RedirectStandardError = true })!;
        await check.WaitForExitAsync();
        Assert.True(check.ExitCode == 0, "Debian's python3-docx is missing: apt-get install python3-docx (as .ci/run does).");

        var file = Path.Combine(Directory.CreateTempSubdirectory("wg-letter-").FullName, "letter.docx");
        await File.WriteAllBytesAsync(file, document);
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-c", Script, file },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var reader = Process.Start(start)!;
        var output = reader.StandardOutput.ReadToEndAsync();
        var error = reader.StandardError.ReadToEndAsync();
        await reader.WaitForExitAsync();
        Assert.True(reader.ExitCode == 0, $"python3-docx could not open the letter:\n{await error}");
        return await output;
    }
}
