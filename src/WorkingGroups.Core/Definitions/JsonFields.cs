using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WorkingGroups.Core.Definitions;

/// <summary>
/// Reads typed fields out of a line-aware JSON tree and records every mismatch as a <see cref="DefinitionError"/>
/// (file, line, path), so that one pass reports all problems instead of stopping at the first.
/// </summary>
internal sealed class JsonFields(string file, List<DefinitionError> errors)
{
    public string File { get; } = file;

    public void Error(JToken? at, string message, string? path = null) =>
        errors.Add(new DefinitionError(File, LineOf(at), path ?? PathOf(at), message));

    public static int LineOf(JToken? token) =>
        token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    public static string PathOf(JToken? token) =>
        token is null || string.IsNullOrEmpty(token.Path) ? "$" : "$." + token.Path;

    /// <summary>The value of a property, or null; with required, a missing property is an error at its object.</summary>
    public JToken? Get(JObject obj, string name, bool required)
    {
        var value = obj.Property(name)?.Value;
        if (value is null && required)
        {
            Error(obj, $"the required property \"{name}\" is missing.", Child(obj, name));
        }
        return value;
    }

    public static string Child(JToken parent, string name) => PathOf(parent) == "$" ? "$." + name : PathOf(parent) + "." + name;

    public void RejectUnknown(JObject obj, params string[] known)
    {
        foreach (var property in obj.Properties())
        {
            if (!known.Contains(property.Name))
            {
                Error(property, $"unknown property \"{property.Name}\" (allowed here: {string.Join(", ", known)}).");
            }
        }
    }

    public JObject? Object(JObject parent, string name, bool required) => AsObject(Get(parent, name, required));

    public JObject? AsObject(JToken? token)
    {
        if (token is null) return null;
        if (token is JObject obj) return obj;
        Error(token, $"expected an object but found {Describe(token)}.");
        return null;
    }

    public JArray? Array(JObject parent, string name, bool required)
    {
        var token = Get(parent, name, required);
        if (token is null) return null;
        if (token is JArray array) return array;
        Error(token, $"expected a list but found {Describe(token)}.");
        return null;
    }

    public string? String(JObject parent, string name, bool required) => AsString(Get(parent, name, required));

    public string? AsString(JToken? token)
    {
        if (token is null) return null;
        if (token.Type == JTokenType.String)
        {
            var text = token.Value<string>()!;
            if (string.IsNullOrWhiteSpace(text))
            {
                Error(token, "must not be empty.");
                return null;
            }
            return text;
        }
        Error(token, $"expected text but found {Describe(token)}.");
        return null;
    }

    public int? Integer(JObject parent, string name, bool required, int minimum, int maximum = 100_000)
    {
        var token = Get(parent, name, required);
        if (token is null) return null;
        if (token.Type != JTokenType.Integer)
        {
            Error(token, $"expected a whole number but found {Describe(token)}.");
            return null;
        }
        // Newtonsoft keeps numbers beyond long as BigInteger.
        var value = ((JValue)token).Value switch { long l => new System.Numerics.BigInteger(l), System.Numerics.BigInteger b => b, var other => new System.Numerics.BigInteger(Convert.ToInt64(other)) };
        if (value < minimum || value > maximum)
        {
            Error(token, minimum == 1 && value < 1
                ? $"must be a positive whole number, not {value}."
                : $"must be between {minimum} and {maximum}, not {value}.");
            return null;
        }
        return (int)value;
    }

    public bool? Boolean(JObject parent, string name, bool required)
    {
        var token = Get(parent, name, required);
        if (token is null) return null;
        if (token.Type == JTokenType.Boolean) return token.Value<bool>();
        Error(token, $"expected true or false but found {Describe(token)}.");
        return null;
    }

    public T? Enum<T>(JToken? token, string what) where T : struct, System.Enum
    {
        var text = AsString(token);
        if (text is null) return null;
        if (KindNames.TryParse<T>(text, out var value)) return value;
        Error(token, $"unknown {what} \"{text}\" (expected one of: {string.Join(", ", KindNames.All<T>())}).");
        return null;
    }

    public IReadOnlyList<string> Strings(JObject parent, string name, bool required)
    {
        var array = Array(parent, name, required);
        if (array is null) return [];
        return array.Select(AsString).OfType<string>().ToList();
    }

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "a list",
        JTokenType.Integer or JTokenType.Float => $"the number {token}",
        JTokenType.String => $"the text \"{Shorten(token.Value<string>()!)}\"",
        JTokenType.Boolean => $"the value {token.ToString().ToLowerInvariant()}",
        JTokenType.Null => "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
