using System.Text.Json;

namespace WorkingGroups.Web.Localization;

/// <summary>
/// The page texts, one flat JSON file per language in Resources/Text (en.json, ru.json, ...). A translator adds a
/// language by adding a file: the languages offered are the files found. English is complete and the fallback.
/// </summary>
public sealed class TextCatalog
{
    public const string Fallback = "en";

    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _languages;

    public TextCatalog(string folder)
    {
        _languages = Directory.EnumerateFiles(folder, "*.json")
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => Read(f), StringComparer.OrdinalIgnoreCase);
        if (!_languages.ContainsKey(Fallback))
            throw new InvalidOperationException($"{Path.Combine(folder, Fallback + ".json")} is missing: English is the fallback for every text.");
    }

    /// <summary>The languages offered, English first.</summary>
    public IReadOnlyList<string> Languages => [Fallback, .. _languages.Keys.Where(k => k != Fallback).Order()];

    public IReadOnlyDictionary<string, string> Texts(string language) =>
        _languages.TryGetValue(language, out var texts) ? texts : _languages[Fallback];

    public string? Find(string language, string key) =>
        _languages.TryGetValue(language, out var texts) && texts.TryGetValue(key, out var text) ? text
        : _languages[Fallback].GetValueOrDefault(key);

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
