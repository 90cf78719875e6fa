using System.Text.Json;
using Json.Schema;

namespace WorkingGroups.Core.Definitions;

/// <summary>
/// The JSON Schema of definition files (workflows/definition.schema.json, built into this assembly): the whole truth
/// of their shape. Each failure becomes a sentence at the failing value's line and JSON path.
/// </summary>
internal static class DefinitionSchema
{
    public const string ResourceName = "definition.schema.json";

    private static readonly SchemaCheck Schema = new(ResourceName);

    /// <summary>The schema's own text, as built in.</summary>
    public static JsonElement Document => Schema.Document;

    public static IEnumerable<DefinitionError> Check(DefinitionText text) => Schema.Check(text);
}

/// <summary>
/// One JSON Schema built into this assembly (the definitions' or the calendars'), judging a file read with positions:
/// each failure becomes a sentence at the failing value's line and JSON path.
/// </summary>
internal sealed class SchemaCheck(string resourceName)
{
    private readonly Lazy<(JsonSchema Schema, JsonDocument Document)> _loaded = new(() =>
    {
        using var stream = typeof(SchemaCheck).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"the schema {resourceName} is not built into {typeof(SchemaCheck).Assembly.GetName().Name}.");
        var text = new StreamReader(stream).ReadToEnd();
        return (JsonSchema.FromText(text), JsonDocument.Parse(text));
    });

    /// <summary>The schema's own text, as built in.</summary>
    public JsonElement Document => _loaded.Value.Document.RootElement;

    public IEnumerable<DefinitionError> Check(DefinitionText text)
    {
        var results = _loaded.Value.Schema.Evaluate(text.Root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        var errors = new List<DefinitionError>();
        foreach (var node in results.Details ?? [results])
        {
            // An "if" that fails only chooses "else"; it is not a mistake.
            if (node.Errors is null || node.EvaluationPath.ToString().Split('/').Contains("if")) continue;
            var at = node.InstanceLocation.ToString();
            var fragment = Uri.UnescapeDataString(node.SchemaLocation.Fragment);
            foreach (var keyword in node.Errors.Keys)
            {
                errors.AddRange(Describe(text, at, keyword, node.EvaluationPath.ToString(), fragment, node.Errors[keyword]));
            }
        }
        // The library lists failures in its own order; a reader goes down the file.
        return errors.DistinctBy(e => (e.Line, e.Path, e.Message)).OrderBy(e => e.Line).ThenBy(e => e.Path, StringComparer.Ordinal);
    }

    private IEnumerable<DefinitionError> Describe(DefinitionText text, string at, string keyword, string evaluationPath, string fragment, string fallback)
    {
        var schema = Resolve(fragment);
        var value = text.At(at);
        var own = Text(schema, "errorMessage");
        switch (keyword)
        {
            case "required":
                foreach (var name in Strings(schema, "required").Where(n => value?.ValueKind == JsonValueKind.Object && !value.Value.TryGetProperty(n, out _)))
                {
                    // The schema's own sentence names the property; the default one points at where it is missing.
                    yield return own is not null
                        ? text.Error(at, own.Replace("{property}", name))
                        : text.Error(at, text.PositionOf(at).Path + DefinitionText.PathSegment(name), $"the required property \"{name}\" is missing.");
                }
                yield break;
            case "" when evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal):
                var holder = Resolve(fragment[..Math.Max(0, fragment.LastIndexOf("/additionalProperties", StringComparison.Ordinal))]);
                var allowed = holder.ValueKind == JsonValueKind.Object && holder.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name) : [];
                yield return text.Error(at, $"unknown property \"{LastSegment(at)}\" (allowed here: {string.Join(", ", allowed)}).");
                yield break;
            case "enum" when evaluationPath.Contains("/propertyNames", StringComparison.Ordinal):
                yield return text.Error(at, $"unknown {Text(schema, "title") ?? "name"} \"{LastSegment(at)}\" (expected one of: {string.Join(", ", Strings(schema, "enum"))}).");
                yield break;
            case "pattern" when evaluationPath.Contains("/propertyNames", StringComparison.Ordinal):
                var key = LastSegment(at);
                yield return text.Error(at, $"unknown {Text(schema, "title") ?? "name"} \"{key}\": "
                    + (Text(schema, "patternErrorMessage")?.Replace("{value}", Shorten(key)) ?? $"it does not match the pattern {Text(schema, "pattern")}."));
                yield break;
            case "pattern":
                yield return text.Error(at, Text(schema, "patternErrorMessage")?.Replace("{value}", Shorten(value?.GetString() ?? ""))
                    ?? $"{Describe(value)} does not match the pattern {Text(schema, "pattern")}.");
                yield break;
            case "uniqueItems":
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var items = value?.ValueKind == JsonValueKind.Array ? value.Value.EnumerateArray().ToList() : [];
                for (var i = 0; i < items.Count; i++)
                {
                    if (!seen.Add(items[i].GetRawText())) yield return text.Error(DefinitionText.Child(at, i), $"{Describe(items[i], quoteOnly: true)} is listed twice.");
                }
                yield break;
        }
        if (own is not null)
        {
            yield return text.Error(at, own);
            yield break;
        }
        yield return text.Error(at, keyword switch
        {
            "type" => $"expected {Expected(schema)} but found {Describe(value)}.",
            "enum" => $"unknown {Text(schema, "title") ?? "value"} {Describe(value, quoteOnly: true)} (expected one of: {string.Join(", ", Strings(schema, "enum"))}).",
            "const" => $"must be {Raw(schema, "const")}, not {Describe(value, quoteOnly: true)}.",
            "minimum" or "maximum" => Range(schema, value),
            "minItems" => $"must list at least {Raw(schema, "minItems")} item(s).",
            "maxItems" => $"must list at most {Raw(schema, "maxItems")} item(s).",
            _ => fallback,
        });
    }

    private static string Range(JsonElement schema, JsonElement? value)
    {
        var shown = value?.GetRawText() ?? "nothing";
        var minimum = Raw(schema, "minimum");
        var maximum = Raw(schema, "maximum");
        if (minimum == "1" && value?.ValueKind == JsonValueKind.Number && value.Value.GetDouble() < 1) return $"must be a positive whole number, not {shown}.";
        if (minimum is not null && maximum is not null) return $"must be between {minimum} and {maximum}, not {shown}.";
        return minimum is not null ? $"must be at least {minimum}, not {shown}." : $"must be at most {maximum}, not {shown}.";
    }

    private static string Expected(JsonElement schema) => Text(schema, "type") switch
    {
        "integer" => "a whole number",
        "number" => "a number",
        "string" => "text",
        "array" => "a list",
        "object" => "an object",
        "boolean" => "true or false",
        var other => other ?? "another kind of value",
    };

    private static string Describe(JsonElement? value, bool quoteOnly = false) => value?.ValueKind switch
    {
        null => "nothing",
        JsonValueKind.String when quoteOnly => $"\"{Shorten(value.Value.GetString()!)}\"",
        JsonValueKind.String => $"the text \"{Shorten(value.Value.GetString()!)}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.Number when quoteOnly => value.Value.GetRawText(),
        JsonValueKind.Number => $"the number {value.Value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False when quoteOnly => value.Value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => $"the value {value.Value.GetRawText()}",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string? Text(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Raw(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var v) ? v.GetRawText() : null;

    private static IEnumerable<string> Strings(JsonElement schema, string keyword) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)
            : [];

    private static string LastSegment(string pointer) => DefinitionText.UnescapePointer(pointer[(pointer.LastIndexOf('/') + 1)..]);

    /// <summary>
    /// The subschema at a location in the schema's text. The library's locations can carry segments of its own (an
    /// index after "if" or "else"); a segment that leads nowhere is passed over.
    /// </summary>
    private JsonElement Resolve(string fragment)
    {
        var element = Document;
        foreach (var segment in fragment.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(DefinitionText.UnescapePointer))
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var child)) element = child;
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var i) && i < element.GetArrayLength()) element = element[i];
        }
        return element;
    }
}
