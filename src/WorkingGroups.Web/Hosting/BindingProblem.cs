using System.Text.Json;
using System.Text.RegularExpressions;

namespace WorkingGroups.Web.Hosting;

/// <summary>
/// What a request the framework could not bind did wrong, in the API's words: the framework's own sentences name
/// parameters and .NET types ("Implicit body inferred…", "could not be converted to WorkingGroups…"), which tell a
/// client nothing and tell an attacker how the app is built.
/// </summary>
internal static partial class BindingProblem
{
    public static string Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json) return Describe(json);
        if (bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.Contains("was not provided from body", StringComparison.Ordinal))
            return "The request has no body; send a JSON object.";
        if (BindFailure().Match(bad.Message) is { Success: true } bind)
            return $"{bind.Groups["name"].Value} \"{bind.Groups["value"].Value}\" is not valid here" + Hint(bind.Groups["type"].Value) + ".";
        if (bad.Message.Contains("parameter", StringComparison.Ordinal)) return "The request could not be read.";
        return bad.Message;
    }

    private static string Describe(JsonException json)
    {
        var at = json.Path is null or "$" ? "" : $" (at {json.Path})";
        if (UnknownField().Match(json.Message) is { Success: true } unknown)
            return $"The field \"{unknown.Groups["field"].Value}\" is not known here{at}.";
        if (Conversion().Match(json.Message) is { Success: true } conversion)
            return json.Path is null or "$"
                ? "The request body is not valid: send a JSON object."
                : $"The value at {json.Path} is not valid" + Hint(conversion.Groups["type"].Value) + ".";
        var sentence = json.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');
        return $"The request body is not valid JSON: {sentence}{at}.";
    }

    /// <summary>What a value of the .NET type looks like to a client.</summary>
    private static string Hint(string type) =>
        type.Contains("DateOnly", StringComparison.Ordinal) ? ": a date is written yyyy-MM-dd"
        : type.Contains("TimeOnly", StringComparison.Ordinal) ? ": a time is written HH:mm"
        : type.Contains("Int", StringComparison.Ordinal) ? ": a whole number is expected"
        : type.Contains("Boolean", StringComparison.Ordinal) ? ": true or false is expected"
        : type.Contains("Guid", StringComparison.Ordinal) ? ": an id is expected"
        : type.Contains("String", StringComparison.Ordinal) ? ": text is expected"
        : type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) ? ": a list is expected"
        : ": an object is expected";

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^"]*?)\s(?<name>\w+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""The JSON property '(?<field>[^']*)' could not be mapped""")]
    private static partial Regex UnknownField();

    [GeneratedRegex("""could not be converted to (?<type>[^ ]+)""")]
    private static partial Regex Conversion();
}
