using System.Text.Json;
using WorkingGroups.Core.Processes;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Pages;

/// <summary>Every text exists in every language, so no page shows a raw key or falls back to English unnoticed.</summary>
public sealed class TextFilesTests
{
    private static readonly string Folder = Path.Combine(AppProcess.RepositoryRoot(), "src", "WorkingGroups.Web", "Resources", "Text");

    private static Dictionary<string, string> Read(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Folder, language + ".json")))!;

    [Fact]
    public void Russian_has_exactly_the_english_keys()
    {
        var en = Read("en").Keys.ToHashSet();
        var ru = Read("ru").Keys.ToHashSet();
        Assert.Empty(en.Except(ru));
        Assert.Empty(ru.Except(en));
    }

    [Fact]
    public void Every_rule_message_has_a_page_text_with_no_more_arguments_than_it_is_given()
    {
        foreach (var language in new[] { "en", "ru" })
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
