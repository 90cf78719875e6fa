using System.Text.RegularExpressions;

namespace WorkingGroups.UnitTests.Repository;

/// <summary>
/// A comment or a document that sends the reader to a file sends them to one that exists, and to a section of a document
/// that it has: such pointers rot silently when files move.
/// </summary>
public sealed partial class ReferencesTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_file_a_comment_or_document_names_exists()
    {
        var missing = Sources()
            .SelectMany(source => FileReference().Matches(Readable(source)).Select(m => (source, path: m.Groups["path"].Value)))
            // artifacts/ is what runs write (benchmark results, screenshots), ignored by git: absent from a fresh clone.
            .Where(r => !r.path.Contains('<') && !r.path.Contains("...", StringComparison.Ordinal) && !r.path.StartsWith("artifacts/", StringComparison.Ordinal)
                && !Exists(r.source, r.path))
            .Select(r => $"{Relative(r.source)} names {r.path}")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Fact]
    public void Every_section_a_reference_names_is_in_its_document()
    {
        var missing = new List<string>();
        foreach (var source in Sources())
        {
            foreach (Match m in SectionReference().Matches(Readable(source)))
            {
                var document = Path.Combine(Root, m.Groups["doc"].Value);
                if (!File.Exists(document)) continue; // the test above names it
                var section = m.Groups["section"].Value;
                var headings = File.ReadLines(document).Where(l => l.StartsWith('#'));
                if (!headings.Any(h => h.Contains(section, StringComparison.OrdinalIgnoreCase)))
                    missing.Add($"{Relative(source)} names section \"{section}\" of {m.Groups["doc"].Value}, which has no such heading");
            }
        }
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    /// <summary>Code, build files and documents, without build output and the history kept as it was written.</summary>
    private static IEnumerable<string> Sources() =>
        new[] { "src", "tests", "docs" }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories))
            .Concat([Path.Combine(Root, "README.md"), Path.Combine(Root, "Directory.Build.props")])
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)
                || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith("performance-log.md", StringComparison.Ordinal)
                && !IsSuperseded(f));

    /// <summary>A superseded decision is kept as it was decided, with the files of its day.</summary>
    private static bool IsSuperseded(string file) =>
        file.Contains($"docs{Path.DirectorySeparatorChar}decisions", StringComparison.Ordinal)
        && File.ReadLines(file).Take(5).Any(l => l.Contains("**Superseded**", StringComparison.Ordinal));

    /// <summary>What a reader is sent by: a document whole, in code only its comments (a string may be a URL path).</summary>
    private static string Readable(string source) =>
        source.EndsWith(".cs", StringComparison.Ordinal)
            ? string.Join('\n', File.ReadLines(source).Select(l => l.IndexOf("//", StringComparison.Ordinal) is var at and >= 0 ? l[at..] : ""))
            : File.ReadAllText(source);

    /// <summary>From the repository's root, the naming file's folder, or any project's folder (comments name paths inside their project).</summary>
    private static bool Exists(string source, string path)
    {
        var bases = new[] { Root, Path.GetDirectoryName(source)! }
            .Concat(Directory.EnumerateDirectories(Path.Combine(Root, "src")))
            .Concat(Directory.EnumerateDirectories(Path.Combine(Root, "tests")));
        // The README's short form: Web/…, Core/… for src/WorkingGroups.Web/…, src/WorkingGroups.Core/…
        var expanded = Path.Combine(Root, "src", "WorkingGroups." + path);
        return File.Exists(expanded) || bases.Any(b => File.Exists(Path.Combine(b, path)) || Directory.Exists(Path.Combine(b, path)));
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WorkingGroups.sln"))) return dir.FullName;
        throw new InvalidOperationException("WorkingGroups.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A relative path with at least one folder, ending in a file kind the repository keeps.</summary>
    [GeneratedRegex(@"(?<![\w/.:-])(?<path>(?:\.\./)*[A-Za-z][\w.-]*/[\w./-]*\.(?:cs|md|json|sql|props|csproj|http|sh))(?![\w/])")]
    private static partial Regex FileReference();

    /// <summary><c>docs/performance-log.md, fifth pass</c> or the document's path, a comma and a heading in quotes.</summary>
    [GeneratedRegex(@"(?<doc>docs/[\w/.-]+\.md),\s+(?:""(?<section>[^""]+)""|(?<section>\w+ pass))")]
    private static partial Regex SectionReference();
}
