using System.Globalization;
using System.Text.Json;

namespace WorkingGroups.Infrastructure.Texts;

/// <summary>
/// Every text a reader meets (pages, e-mails, the answer page, the calendar file, the workbook, country names), one flat
/// JSON file per language in Resources/Text (en.json, ru.json, kk.json, ...). A translator adds a language by adding a
/// file: the languages offered are the files found, and everything a language needs to know about itself is in its file
/// (its name, its date pattern, its plural rule, the language it falls back to). English is complete and the last
/// fallback.
/// </summary>
public sealed class TextCatalog
{
    public const string Fallback = "en";

    /// <summary>The key naming the language a text falls back to before English (kk and tg: ru).</summary>
    public const string FallbackKey = "Language.Fallback";

    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _languages;

    public TextCatalog(string folder)
    {
        _languages = Directory.EnumerateFiles(folder, "*.json")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => Read(f), StringComparer.OrdinalIgnoreCase);
        if (!_languages.ContainsKey(Fallback))
            throw new InvalidOperationException($"{Path.Combine(folder, Fallback + ".json")} is missing: English is the fallback for every text.");
        Languages = [.. _languages.Keys.Order(StringComparer.Ordinal)];
        // English, then the languages others fall back to (Russian), then those that fall back to them (Kazakh, Tajik).
        Languages = [.. Languages.OrderBy(l => Chain(l).Count).ThenBy(l => l, StringComparer.Ordinal)];
    }

    /// <summary>The texts beside the running program (Resources/Text, copied there by the Infrastructure project).</summary>
    public static TextCatalog Default => _default.Value;

    private static readonly Lazy<TextCatalog> _default = new(() => new TextCatalog(Path.Combine(AppContext.BaseDirectory, "Resources", "Text")));

    /// <summary>The languages offered, English first.</summary>
    public IReadOnlyList<string> Languages { get; private set; }

    /// <summary>The language as offered (lower case) when there is a file for it, else null.</summary>
    public string? Known(string? language) => Languages.FirstOrDefault(l => l.Equals(language?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The language a reader is written to: their own when it has a file, else English.</summary>
    public string For(string? language) => Known(language) ?? Fallback;

    /// <summary>The languages a text is looked up in, in order: the language, those it falls back to, then English.</summary>
    public IReadOnlyList<string> Chain(string language)
    {
        var chain = new List<string>();
        for (var l = Known(language); l is not null && !chain.Contains(l); l = Known(_languages[l].GetValueOrDefault(FallbackKey)))
            chain.Add(l);
        if (!chain.Contains(Fallback)) chain.Add(Fallback);
        return chain;
    }

    /// <summary>The keys of one language's own file (no fallback), for the parity test.</summary>
    public IReadOnlyDictionary<string, string> Own(string language) => _languages[language];

    /// <summary>Every text in the language, the missing ones from its fallbacks.</summary>
    public IReadOnlyDictionary<string, string> Texts(string language)
    {
        var texts = new Dictionary<string, string>();
        foreach (var l in Chain(language))
            foreach (var (key, value) in _languages[l])
                texts.TryAdd(key, value);
        return texts;
    }

    public string? Find(string language, string key)
    {
        foreach (var l in Chain(language))
            if (_languages[l].TryGetValue(key, out var text)) return text;
        return null;
    }

    /// <summary>The text, or its key when no language has it (a test finds those).</summary>
    public string Get(string language, string key) => Find(language, key) ?? key;

    /// <summary>The text with its arguments, numbers written as the language writes them.</summary>
    public string Say(string language, string key, params object?[] args) =>
        string.Format(Culture(language), Get(language, key), args);

    /// <summary>
    /// A sentence about a count, in the plural form the language's rule ("Plural.Rule") chooses for it: the key with
    /// "#one", "#few" or "#many" when the language has that form, else the key itself. The count is argument {0}.
    /// </summary>
    public string Count(string language, string key, long count, params object?[] args)
    {
        // The form comes from the language that has the sentence: Russian's "#one" is never English's.
        var from = Chain(language).FirstOrDefault(l => _languages[l].ContainsKey(key));
        if (from is null) return key;
        var own = _languages[from];
        var form = Plural.Of(own.GetValueOrDefault("Plural.Rule") ?? "", count);
        var template = form is not null && own.TryGetValue($"{key}#{form}", out var variant) ? variant : own[key];
        return string.Format(Culture(language), template, [count, .. args]);
    }

    /// <summary>The date as the language writes it (its "Format.Date", dd.MM.yyyy in Russian, Kazakh and Tajik).</summary>
    public string Date(string language, DateOnly date) => date.ToString(Get(language, "Format.Date"), CultureInfo.InvariantCulture);

    /// <summary>A country by its name in the language (Country.KZ), else by its ISO code.</summary>
    public string Country(string language, string code) => Find(language, $"Country.{code}") ?? code;

    /// <summary>The name in two languages, "first / second", or once where they are the same.</summary>
    public string CountryInBoth(string code, string first, string second) =>
        Country(first, code) is var one && Country(second, code) is var two && one != two ? $"{one} / {two}" : one;

    /// <summary>The culture whose digits and separators the language's numbers use ("Format.Culture", else the language).</summary>
    public CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(Find(language, "Format.Culture") ?? language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    private static IReadOnlyDictionary<string, string> Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))
                   ?? throw new InvalidOperationException($"{file} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{file}: line {ex.LineNumber + 1}: {ex.Message}", ex);
        }
    }
}

/// <summary>
/// The plural rules a language file can name (CLDR's cardinal rules, integers only). A new language names the rule it
/// shares with one of these; a rule not yet here is the one piece of code a language could need.
/// </summary>
internal static class Plural
{
    /// <summary>"one", "few", "many", or null for the key's own (other) form.</summary>
    public static string? Of(string rule, long n) => rule switch
    {
        // English, German, ...: 1 day, 2 days.
        "one-other" => n == 1 ? "one" : null,
        // Russian, Ukrainian: 1 день, 2 дня, 5 дней, 21 день.
        "one-few-many" => (n % 10, n % 100) switch
        {
            (1, not 11) => "one",
            (>= 2 and <= 4, < 12 or > 14) => "few",
            _ => "many",
        },
        // Kazakh, Tajik, Uzbek, Turkish: the noun after a numeral stays singular (5 күн, 5 рӯз).
        _ => null,
    };
}
