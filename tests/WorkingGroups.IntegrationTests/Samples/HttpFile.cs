using System.Text.Json;
using System.Text.RegularExpressions;

namespace WorkingGroups.IntegrationTests.Samples;

/// <summary>One request of a .http file, with the status its "# expect NNN" comment promises.</summary>
internal sealed record HttpFileRequest(string Title, string? Name, int Expected, string Method, string Url, List<KeyValuePair<string, string>> Headers, string? Body);

/// <summary>
/// Reads a .http file the way VS Code's REST Client does, for the parts samples/api.http uses: <c>@name = value</c>
/// variables, requests separated by <c>###</c>, <c># @name</c> requests whose JSON answers later requests quote as
/// <c>{{name.response.body.$.field}}</c>, headers, then a body after a blank line.
/// </summary>
internal static partial class HttpFile
{
    public static (Dictionary<string, string> Variables, List<HttpFileRequest> Requests) Parse(string text)
    {
        var variables = new Dictionary<string, string>();
        var requests = new List<HttpFileRequest>();
        var blocks = Regex.Split(text.Replace("\r\n", "\n"), "^###", RegexOptions.Multiline);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n');
            var title = lines[0].Trim();
            string? name = null;
            int? expected = null;
            var i = 1;
            for (; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (Variable().Match(line) is { Success: true } v) variables[v.Groups[1].Value] = v.Groups[2].Value.Trim();
                else if (NameComment().Match(line) is { Success: true } n) name = n.Groups[1].Value;
                else if (ExpectComment().Match(line) is { Success: true } e) expected = int.Parse(e.Groups[1].Value);
                else if (line.Length > 0 && !line.StartsWith('#')) break;
            }
            if (i >= lines.Length) continue; // comments and variables only
            var requestLine = lines[i].Trim().Split(' ', 2);
            var headers = new List<KeyValuePair<string, string>>();
            for (i++; i < lines.Length && lines[i].Trim().Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':');
                headers.Add(new(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
            }
            var body = string.Join('\n', lines.Skip(i)).Trim();
            requests.Add(new HttpFileRequest(title, name, expected ?? throw new FormatException($"\"{title}\" has no \"# expect NNN\" comment."),
                requestLine[0], requestLine[1].Trim(), headers, body.Length == 0 ? null : body));
        }
        return (variables, requests);
    }

    /// <summary>Replaces <c>{{variable}}</c> and <c>{{name.response.body.$.field}}</c>; an unknown one is a mistake in the file.</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, JsonElement> answers) =>
        Reference().Replace(text, m =>
        {
            var reference = m.Groups[1].Value;
            if (variables.TryGetValue(reference, out var value)) return value;
            if (AnswerField().Match(reference) is { Success: true } a && answers.TryGetValue(a.Groups[1].Value, out var answer))
                return answer.GetProperty(a.Groups[2].Value).ToString();
            throw new FormatException($"{{{{{reference}}}}} names no variable and no earlier named request.");
        });

    [GeneratedRegex(@"^@(\w+)\s*=(.*)$")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^#\s*@name\s+(\w+)$")]
    private static partial Regex NameComment();

    [GeneratedRegex(@"^#\s*expect\s+(\d{3})$")]
    private static partial Regex ExpectComment();

    [GeneratedRegex(@"\{\{\s*([^}]+?)\s*\}\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^(\w+)\.response\.body\.\$\.(\w+)$")]
    private static partial Regex AnswerField();
}
