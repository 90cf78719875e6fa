using System.Text.Json;

namespace WorkingGroups.Core.Definitions;

/// <summary>
/// Every language a definition writes in (its texts' keys, a body's <c>language</c> and <c>alsoIn</c>) must be one the
/// app has texts for: a translator adds a language by adding its text file, and a code mistyped ("kz" for Kazakh)
/// would otherwise be read by no one, silently.
/// </summary>
internal static class DefinitionLanguages
{
    private static readonly string[] TopTexts = ["/title", "/description", "/group/name", "/group/purpose"];
    private static readonly string[] BodyTexts = ["name", "shortName"];
    private static readonly string[] StepTexts = ["title", "description"];

    public static void Check(DefinitionText text, IReadOnlyCollection<string> languages, List<DefinitionError> errors)
    {
        if (text.Root.ValueKind != JsonValueKind.Object) return;
        var found = new List<DefinitionError>();
        var pointers = new List<string>(TopTexts);
        foreach (var (body, i) in Items(text, "bodies"))
        {
            pointers.AddRange(BodyTexts.Select(t => $"/bodies/{i}/{t}"));
            foreach (var field in new[] { "language", "alsoIn" })
            {
                if (body.TryGetProperty(field, out var code) && code.ValueKind == JsonValueKind.String)
                    Require(text, $"/bodies/{i}/{field}", code.GetString()!, languages, found);
            }
        }
        foreach (var (step, i) in Items(text, "steps"))
        {
            pointers.AddRange(StepTexts.Select(t => $"/steps/{i}/{t}"));
            if (step.TryGetProperty("evidence", out var evidence) && evidence.ValueKind == JsonValueKind.Array)
                pointers.AddRange(Enumerable.Range(0, evidence.GetArrayLength()).Select(j => $"/steps/{i}/evidence/{j}"));
        }
        foreach (var pointer in pointers)
        {
            if (text.At(pointer) is not { ValueKind: JsonValueKind.Object } localized) continue;
            foreach (var property in localized.EnumerateObject())
                Require(text, DefinitionText.Child(pointer, property.Name), property.Name, languages, found);
        }
        // A reader goes down the file.
        errors.AddRange(found.OrderBy(e => e.Line));
    }

    private static void Require(DefinitionText text, string pointer, string code, IReadOnlyCollection<string> languages, List<DefinitionError> errors)
    {
        if (languages.Contains(code)) return;
        errors.Add(text.Error(pointer,
            $"unknown language \"{code}\": the app has texts for {string.Join(", ", languages)}; correct the code, or add Resources/Text/{code}.json (docs/guide/languages.md)."));
    }

    private static IEnumerable<(JsonElement Item, int Index)> Items(DefinitionText text, string list) =>
        text.Root.TryGetProperty(list, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select((e, i) => (e, i)).Where(p => p.e.ValueKind == JsonValueKind.Object)
            : [];
}
