using System.Text;
using System.Text.Json;

namespace WorkingGroups.Core.Definitions;

/// <summary>Where a value stands in the file: its line (from 1) and its JSON path (<c>$.steps[3].title</c>).</summary>
internal sealed record JsonPosition(int Line, string Path);

/// <summary>
/// One definition file read as JSON, with the position of every value by its JSON Pointer (RFC 6901), so that a
/// schema result (which names an instance location) and a rule can both point at a line.
/// </summary>
internal sealed class DefinitionText : IDisposable
{
    // Deeper than any sensible definition; keeps hostile input from exhausting the stack.
    private const int MaxDepth = 32;

    private readonly Dictionary<string, JsonPosition> _positions;

    private DefinitionText(string file, JsonDocument document, Dictionary<string, JsonPosition> positions)
    {
        File = file;
        Document = document;
        _positions = positions;
    }

    public string File { get; }
    public JsonDocument Document { get; }
    public JsonElement Root => Document.RootElement;

    /// <summary>The file as JSON, or null after recording why it is not JSON (malformed, a name twice, broken text).</summary>
    public static DefinitionText? Read(string file, string text, List<DefinitionError> errors)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var options = new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip };
        var positions = new Dictionary<string, JsonPosition>(StringComparer.Ordinal);
        var lines = new LineIndex(bytes);
        var reader = new Utf8JsonReader(bytes, options);
        var containers = new Stack<Container>();
        (string Pointer, string Path) member = ("", "$");
        try
        {
            while (reader.Read())
            {
                var line = lines.LineOf(reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var parent = containers.Peek();
                        if (!parent.Names!.Add(name))
                        {
                            errors.Add(new DefinitionError(file, line, parent.Path, $"malformed JSON: the property \"{name}\" appears twice in one object."));
                            return null;
                        }
                        member = (parent.Pointer + "/" + EscapePointer(name), parent.Path + PathSegment(name));
                        positions[member.Pointer] = new JsonPosition(line, member.Path);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        break;
                    default:
                        var (pointer, path) = containers.TryPeek(out var container) && container.Names is null
                            ? (container.Pointer + "/" + container.Next, container.Path + $"[{container.Next++}]")
                            : member;
                        positions.TryAdd(pointer, new JsonPosition(line, path));
                        if (reader.TokenType == JsonTokenType.String) reader.GetString(); // refuses text that is not valid Unicode
                        // Every number in a definition is small; one beyond a decimal's range is a mistake the schema
                        // library cannot compare (it throws), so it is refused here.
                        if (reader.TokenType == JsonTokenType.Number && !reader.TryGetDecimal(out _))
                        {
                            errors.Add(new DefinitionError(file, line, path, $"the number {Encoding.UTF8.GetString(reader.ValueSpan)} is far too large for a definition."));
                            return null;
                        }
                        if (reader.TokenType == JsonTokenType.StartObject) containers.Push(new Container(pointer, path, new HashSet<string>(StringComparer.Ordinal)));
                        if (reader.TokenType == JsonTokenType.StartArray) containers.Push(new Container(pointer, path, null));
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new DefinitionError(file, (int)(ex.LineNumber ?? 0) + 1, containers.TryPeek(out var c) ? c.Path : "$", "malformed JSON: " + FirstSentence(ex.Message)));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(new DefinitionError(file, lines.LineOf(reader.TokenStartIndex), member.Path, "malformed JSON: " + ex.Message));
            return null;
        }
        var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip });
        return new DefinitionText(file, document, positions);
    }

    /// <summary>The position of the value at a pointer, else of its nearest enclosing value (the file's start at worst).</summary>
    public JsonPosition PositionOf(string pointer)
    {
        for (var p = pointer; ; p = p[..p.LastIndexOf('/')])
        {
            if (_positions.TryGetValue(p, out var position)) return position;
            if (p.Length == 0) return new JsonPosition(1, "$");
        }
    }

    public DefinitionError Error(string pointer, string message) => Error(pointer, PositionOf(pointer).Path, message);

    public DefinitionError Error(string pointer, string path, string message) => new(File, PositionOf(pointer).Line, path, message);

    /// <summary>The value at a pointer, if there is one.</summary>
    public JsonElement? At(string pointer)
    {
        var element = Root;
        foreach (var segment in pointer.Split('/').Skip(1).Select(UnescapePointer))
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var child)) element = child;
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var i) && i >= 0 && i < element.GetArrayLength()) element = element[i];
            else return null;
        }
        return element;
    }

    public static string Child(string pointer, string name) => pointer + "/" + EscapePointer(name);

    public static string Child(string pointer, int index) => pointer + "/" + index;

    public static string PathSegment(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')
            ? "." + name
            : $"['{name.Replace("\\", "\\\\").Replace("'", "\\'")}']";

    private static string EscapePointer(string name) => name.Replace("~", "~0").Replace("/", "~1");

    public static string UnescapePointer(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    public void Dispose() => Document.Dispose();

    private sealed class Container(string pointer, string path, HashSet<string>? names)
    {
        public string Pointer { get; } = pointer;
        public string Path { get; } = path;
        /// <summary>An object's member names so far; null for a list.</summary>
        public HashSet<string>? Names { get; } = names;
        public int Next { get; set; }
    }

    /// <summary>Turns a byte offset into a line.</summary>
    private sealed class LineIndex
    {
        private readonly List<int> _starts = [0];

        public LineIndex(byte[] bytes)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n') _starts.Add(i + 1);
            }
        }

        public int LineOf(long offset)
        {
            var index = _starts.BinarySearch((int)offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
