using System.Text.Json;
using System.Text.RegularExpressions;
using WorkingGroups.Core.Definitions;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Pages;

/// <summary>
/// The code holds no reader's sentence and names no text that is missing: every reader-visible text is in the language
/// files (Resources/Text), so a translator adding a language finds all of them there.
/// </summary>
public sealed partial class TextSourceTests
{
    private static readonly string Source = Path.Combine(AppProcess.RepositoryRoot(), "src");

    private static IEnumerable<string> Files(params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(Source, p, SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

    [Fact]
    public void No_cs_file_under_src_holds_a_cyrillic_string_literal()
    {
        var found = Files("*.cs")
            .SelectMany(f => CyrillicLiterals(File.ReadAllText(f)).Select(l => $"{Path.GetRelativePath(Source, f)}: {l}"))
            .ToList();
        Assert.True(found.Count == 0, "Sentences belong in Resources/Text/<language>.json:\n" + string.Join("\n", found.Take(30)));
    }

    [Fact]
    public void The_literal_scan_finds_a_russian_string_and_ignores_comments()
    {
        Assert.Equal(["\"Напоминание\""], CyrillicLiterals("// Напоминание в комментарии\nvar s = \"Напоминание\"; /* и здесь */ var e = \"Reminder\";"));
        Assert.Single(CyrillicLiterals("var s = $\"{x} дн.\";"));
        Assert.Single(CyrillicLiterals("var s = @\"a \"\"b\"\" в\";"));
        Assert.Single(CyrillicLiterals("var s = \"\"\"\n  Текст\n  \"\"\";"));
    }

    [Fact]
    public void Every_key_the_code_names_has_a_text()
    {
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllText(Path.Combine(Source, "WorkingGroups.Infrastructure", "Resources", "Text", "en.json")))!;
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Files("*.cs", "*.cshtml"))
        {
            var code = File.ReadAllText(file);
            foreach (Match m in IndexedKey().Matches(code)) used.Add(m.Groups[1].Value);
            foreach (Match m in CalledKey().Matches(code)) used.Add(m.Groups[1].Value);
            // The audit trail shows an entry's action through "Audit.Action.<action>".
            foreach (Match m in AuditAction().Matches(code)) used.Add($"Audit.Action.{m.Groups[1].Value}");
        }
        // Keys made from an enum's values.
        foreach (var kind in Enum.GetValues<MeetingKind>()) used.Add($"Mail.Meeting.{kind}");
        foreach (var type in typeof(MeetingKind).Assembly.GetTypes().Where(t => t.IsEnum && english.Keys.Any(k => k.StartsWith($"Enum.{t.Name}.", StringComparison.Ordinal))))
            foreach (var value in Enum.GetNames(type)) used.Add($"Enum.{type.Name}.{value}");

        Assert.Contains("Audit.Action.established", used);
        Assert.Contains("Answer.Title", used);
        var missing = used.Where(k => !english.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Keys the code uses that no language has: " + string.Join(", ", missing));
    }

    /// <summary>
    /// "ответил(а)" hedges a verb's gender because the subject's is unknown: a native writer builds the sentence so that
    /// no form is needed (the body's name as a label, a passive), in every language that has gendered verbs.
    /// </summary>
    [Fact]
    public void No_text_hedges_a_word_with_a_bracketed_ending()
    {
        var hedged = Directory.EnumerateFiles(Path.Combine(Source, "WorkingGroups.Infrastructure", "Resources", "Text"), "*.json")
            .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!
                .Where(t => BracketedEnding().IsMatch(t.Value)).Select(t => $"{Path.GetFileName(f)} {t.Key}: {t.Value}"))
            .ToList();
        // The letters' templates too: they are texts a reader signs and sends.
        var templates = Path.Combine(AppProcess.RepositoryRoot(), "workflows", "templates");
        hedged.AddRange(Directory.EnumerateFiles(templates, "*.txt", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (line, i))
                .Where(l => BracketedEnding().IsMatch(l.line)).Select(l => $"{Path.GetRelativePath(templates, f)}:{l.i + 1}: {l.line}")));
        Assert.True(hedged.Count == 0, "Texts hedging a word's ending:\n" + string.Join("\n", hedged));
    }

    /// <summary>The string literals of C# source that hold Cyrillic letters; comments and character literals are skipped.</summary>
    public static List<string> CyrillicLiterals(string code) =>
        Token().Matches(code).Where(m => m.Value[0] != '/' && m.Value[0] != '\'' && Cyrillic().IsMatch(m.Value)).Select(m => m.Value).ToList();

    [GeneratedRegex("""//[^\n]*|/\*[\s\S]*?\*/|\$*"{3,}[\s\S]*?"{3,}|\$?@\$?"(?:[^"]|"")*"|\$?"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)+'""")]
    private static partial Regex Token();

    [GeneratedRegex(@"[\u0400-\u04FF]")]
    private static partial Regex Cyrillic();

    /// <summary>A letter followed at once by a bracketed ending: "ответил(а)", "answered(s)".</summary>
    [GeneratedRegex(@"\p{L}\((?:\p{L}{1,3})\)")]
    private static partial Regex BracketedEnding();

    /// <summary>T["Key"], t["Key"], text["Key"].</summary>
    [GeneratedRegex(@"\[\s*""([A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+)""")]
    private static partial Regex IndexedKey();

    /// <summary>Say("Key"), texts.Say(language, "Key", ...), Get/Find/Count likewise.</summary>
    [GeneratedRegex(@"\b(?:Say|Get|Find|Count)\((?:[^(),""]+,\s*)?""([A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+)""")]
    private static partial Regex CalledKey();

    [GeneratedRegex(@"\b(?:Audit|GroupAudit\.Record)\([^;""]*""([a-z]+(?:-[a-z]+)*)""")]
    private static partial Regex AuditAction();
}
