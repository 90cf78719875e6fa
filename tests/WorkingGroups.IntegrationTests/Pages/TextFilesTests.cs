using System.Text.Json;
using WorkingGroups.Core.Processes;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Pages;

/// <summary>Every text exists in every language, so no page shows a raw key or falls back to English unnoticed.</summary>
public sealed class TextFilesTests
{
    private static readonly string Folder = Path.Combine(AppProcess.RepositoryRoot(), "src", "WorkingGroups.Infrastructure", "Resources", "Text");

    /// <summary>Every language with a file, English first.</summary>
    public static readonly string[] Languages =
        [.. Directory.EnumerateFiles(Folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).OrderBy(l => l == "en" ? "" : l, StringComparer.Ordinal)];

    /// <summary>A key without its plural form ("Mail.Reminder.SentOn#one" is a form of "Mail.Reminder.SentOn").</summary>
    private static string Base(string key) => key.Split('#')[0];

    private static Dictionary<string, string> Read(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Folder, language + ".json")))!;

    [Fact]
    public void Every_language_has_exactly_the_english_keys()
    {
        Assert.Contains("ru", Languages);
        var en = Read("en").Keys.Select(Base).ToHashSet();
        foreach (var language in Languages)
        {
            var own = Read(language).Keys.ToList();
            Assert.True(en.Except(own).Order().ToList() is [], $"{language}.json lacks: {string.Join(", ", en.Except(own).Order())}");
            Assert.True(own.Select(Base).Except(en).Order().ToList() is [], $"{language}.json has keys English lacks: {string.Join(", ", own.Select(Base).Except(en).Order())}");
        }
    }

    [Fact]
    public void No_text_uses_an_argument_its_english_text_is_not_given_and_a_plural_form_names_its_language_s_forms()
    {
        // A sentence and its plural forms are given the same arguments.
        var highest = Read("en").GroupBy(p => Base(p.Key)).ToDictionary(g => g.Key, g => g.Max(p => Highest(p.Value)));
        foreach (var language in Languages)
            foreach (var (key, text) in Read(language))
            {
                Assert.True(Highest(text) <= highest.GetValueOrDefault(Base(key), int.MaxValue),
                    $"{language}.json {key} uses an argument its English text is not given: {text}");
                if (key.Contains('#')) Assert.Contains(key.Split('#')[1], new[] { "one", "few", "many" });
            }
    }

    private static int Highest(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d)[}:,]").Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(-1).Max();

    [Fact]
    public void Every_rule_message_has_a_page_text_with_no_more_arguments_than_it_is_given()
    {
        foreach (var language in Languages)
        {
            var texts = Read(language);
            foreach (var (code, english) in RuleMessages.English)
            {
                Assert.True(texts.TryGetValue($"Rule.{code}", out var text), $"{language}.json lacks Rule.{code}");
                var highest = System.Text.RegularExpressions.Regex.Matches(english, @"\{(\d)\}").Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(-1).Max();
                foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text!, @"\{(\d)\}"))
                    Assert.True(int.Parse(m.Groups[1].Value) <= highest, $"{language}.json Rule.{code} uses {m.Value}, beyond the rule's arguments");
            }
        }
    }
}
