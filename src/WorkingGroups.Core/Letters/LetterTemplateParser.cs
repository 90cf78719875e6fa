using System.Text.RegularExpressions;
using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Core.Letters;

/// <summary>
/// Reads a template file: a header of <c>key: value</c> lines (<c>step</c>, <c>to</c>), then sections that each start
/// with a language in brackets (<c>[ru]</c>). In a section every line is a paragraph; <c>&gt; </c> sets it right,
/// <c>= </c> makes it a centred heading; a line starting with <c>#</c> is a comment. Every mistake is reported with its line.
/// </summary>
public static partial class LetterTemplateParser
{
    public static LetterTemplate? Parse(string country, string kind, string file, string text, IReadOnlyCollection<string> languages, List<DefinitionError> errors)
    {
        var before = errors.Count;
        var allowed = LetterFields.AllowedIn(kind);
        var sections = new Dictionary<string, List<TemplateLine>>();
        List<TemplateLine>? current = null;
        string? step = null, to = null, definition = null;
        int stepLine = 0, toLine = 0, definitionLine = 0;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].TrimEnd();
            if (line.StartsWith('#')) continue;
            if (SectionPattern().Match(line) is { Success: true } section)
            {
                var language = section.Groups[1].Value;
                if (!languages.Contains(language))
                    errors.Add(new(file, number, $"[{language}]", $"\"{language}\" is not a language the app has texts for ({string.Join(", ", languages)})."));
                else if (sections.ContainsKey(language))
                    errors.Add(new(file, number, $"[{language}]", $"the section [{language}] is written twice."));
                else sections[language] = current = [];
                continue;
            }
            if (current is null)
            {
                if (line.Length == 0) continue;
                var colon = line.IndexOf(':');
                var key = colon > 0 ? line[..colon].Trim() : "";
                var value = colon > 0 ? line[(colon + 1)..].Trim() : "";
                if (key == "step" && value.Length > 0) (step, stepLine) = (value, number);
                else if (key == "to" && value.Length > 0) (to, toLine) = (value, number);
                else if (key == "definition" && value.Length > 0) (definition, definitionLine) = (value, number);
                else errors.Add(new(file, number, "header",
                    "before the first [language] section only \"step: <step id>\", \"to: <body id>\" and \"definition: <definition id>\" are read."));
                continue;
            }
            var (style, content) = line switch
            {
                _ when line.StartsWith("> ", StringComparison.Ordinal) || line == ">" => (LineStyle.Right, line.Length > 1 ? line[2..] : ""),
                _ when line.StartsWith("= ", StringComparison.Ordinal) => (LineStyle.Heading, line[2..]),
                _ => (LineStyle.Text, line),
            };
            CheckFields(content, allowed, file, number, errors);
            current.Add(new TemplateLine(number, style, content));
        }

        if (sections.Count == 0) errors.Add(new(file, 0, "[language]", "the template has no [language] section (for example [ru])."));
        if (LetterKinds.IsPerInvitation(kind))
        {
            if (step is not null) errors.Add(new(file, stepLine, "step", $"an {kind} letter goes with each invitation; it names no step."));
            if (to is not null) errors.Add(new(file, toLine, "to", $"an {kind} letter is addressed to the invited body; it names no \"to\"."));
            if (definition is not null) errors.Add(new(file, definitionLine, "definition", $"an {kind} letter serves every definition of its country; it names none."));
        }
        else
        {
            if (step is null) errors.Add(new(file, 1, "step", "the header names no step: add \"step: <step id>\" (the step the letter belongs to)."));
            if (to is null) errors.Add(new(file, 1, "to", "the header names no addressee: add \"to: <body id>\"."));
        }
        if (errors.Count > before) return null;
        return new LetterTemplate(country, kind, file, sections.ToDictionary(s => s.Key, s => (IReadOnlyList<TemplateLine>)TrimBlank(s.Value)))
        {
            StepId = step, StepLine = stepLine, ToBodyId = to, ToLine = toLine, DefinitionId = definition, DefinitionLine = definitionLine,
        };
    }

    /// <summary>The text with each field replaced by its value.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        FieldPattern().Replace(text, m => values.GetValueOrDefault(m.Groups[1].Value, ""));

    private static void CheckFields(string content, IReadOnlyList<string> allowed, string file, int number, List<DefinitionError> errors)
    {
        foreach (Match field in FieldPattern().Matches(content))
        {
            var name = field.Groups[1].Value;
            if (!allowed.Contains(name))
                errors.Add(new(file, number, $"{{{name}}}", $"unknown field {{{name}}}; this letter's fields are {string.Join(", ", allowed.Select(a => $"{{{a}}}"))}."));
        }
        var bare = FieldPattern().Replace(content, "");
        if (bare.Contains('{') || bare.Contains('}'))
            errors.Add(new(file, number, "{", "a brace that opens or closes no field; a field is a name in braces, such as {addressee}."));
    }

    private static List<TemplateLine> TrimBlank(List<TemplateLine> lines)
    {
        var start = lines.FindIndex(l => l.Text.Length > 0);
        if (start < 0) return [];
        var end = lines.FindLastIndex(l => l.Text.Length > 0);
        return lines.GetRange(start, end - start + 1);
    }

    [GeneratedRegex(@"^\[([a-z]{2,3})\]$")]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex FieldPattern();
}
