namespace WorkingGroups.Core.Definitions;

/// <summary>A text in several languages (en and ru always; kk, tg or any language the app has texts for, where given).</summary>
public sealed class LocalizedText(IReadOnlyDictionary<string, string> values)
{
    public static readonly IReadOnlyList<string> RequiredLanguages = ["en", "ru"];

    public IReadOnlyDictionary<string, string> Values { get; } = values;

    /// <summary>The text in the language asked for, else Russian (the working language), else English.</summary>
    public string Get(string language) =>
        Values.TryGetValue(language, out var text) ? text
        : Values.TryGetValue("ru", out var ru) ? ru
        : Values.TryGetValue("en", out var en) ? en
        : string.Empty;

    public override string ToString() => Get("en");
}
