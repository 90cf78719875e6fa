using System.Text;
using System.Text.Json.Nodes;

namespace WorkingGroups.UnitTests.Definitions;

/// <summary>
/// Breaks a valid definition the ways people and tools do: fields deleted, values of the wrong type, huge values,
/// deep nesting, cycles between steps, odd unicode, truncated or garbled text. Deterministic for a given seed.
/// </summary>
internal sealed class FuzzMutator(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] OddStrings =
    [
        "", " ", "\u0000", "\u202Egnp.exe", "\u200B", "\uFEFF", "𝕏𝕐ℤ", "😀", "\ud800", "Ω≈ç√", "..\\..\\etc\\passwd",
        "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "null", "'; DROP TABLE Processes; --", "\r\n\t",
    ];

    public (string Text, string What) Mutate(string valid)
    {
        var root = JsonNode.Parse(valid)!;
        var what = new List<string>();
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++) what.Add(MutateTree(ref root));
        var text = root.ToJsonString(new System.Text.Json.JsonSerializerOptions { MaxDepth = 4096 });
        if (_random.Next(6) == 0)
        {
            (text, var textWhat) = MutateText(text);
            what.Add(textWhat);
        }
        return (text, string.Join("; ", what));
    }

    private string MutateTree(ref JsonNode root)
    {
        var nodes = Walk(root).ToList();
        var target = nodes[_random.Next(nodes.Count)];
        switch (_random.Next(6))
        {
            case 0:
                return Delete(target) ? $"deleted {target.GetPath()}" : "nothing deleted";
            case 1:
                return Replace(ref root, target, TypeSwap(target)) ? $"type swap at {target.GetPath()}" : "no swap";
            case 2:
                return Replace(ref root, target, Huge()) ? $"huge value at {target.GetPath()}" : "no huge value";
            case 3:
                return Replace(ref root, target, Nested(_random.Next(20, 400))) ? $"deep nesting at {target.GetPath()}" : "no nesting";
            case 4:
                return Cycle(root);
            default:
                return Replace(ref root, target, JsonValue.Create(OddStrings[_random.Next(OddStrings.Length)])) ? $"odd unicode at {target.GetPath()}" : "no unicode";
        }
    }

    private (string, string) MutateText(string text)
    {
        var at = _random.Next(text.Length);
        return _random.Next(4) switch
        {
            0 => (text[..at], $"truncated at {at}"),
            1 => (text.Insert(at, ((char)_random.Next(0, 0x3000)).ToString()), $"a character inserted at {at}"),
            2 => (text.Insert(at, ",\"id\":\"dup\",\"id\":\"dup2\","), $"duplicate keys at {at}"),
            _ => (text.Remove(at, Math.Min(_random.Next(1, 40), text.Length - at)), $"characters removed at {at}"),
        };
    }

    private static IEnumerable<JsonNode> Walk(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        foreach (var descendant in Walk(child)) yield return descendant;
    }

    private static bool Delete(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject o:
                o.Remove(o.First(p => ReferenceEquals(p.Value, node)).Key);
                return true;
            case JsonArray a:
                a.Remove(node);
                return true;
            default:
                return false;
        }
    }

    private static bool Replace(ref JsonNode root, JsonNode target, JsonNode replacement)
    {
        switch (target.Parent)
        {
            case JsonObject o:
                o[o.First(p => ReferenceEquals(p.Value, target)).Key] = replacement;
                return true;
            case JsonArray a:
                a[a.IndexOf(target)] = replacement;
                return true;
            default:
                root = replacement; // the whole document becomes something else
                return true;
        }
    }

    private JsonNode TypeSwap(JsonNode node) => (node.GetValueKind(), _random.Next(3)) switch
    {
        (System.Text.Json.JsonValueKind.String, 0) => JsonValue.Create(42),
        (System.Text.Json.JsonValueKind.String, _) => new JsonArray(JsonValue.Create("a"), JsonValue.Create(1)),
        (System.Text.Json.JsonValueKind.Number, 0) => JsonValue.Create("12"),
        (System.Text.Json.JsonValueKind.Number, 1) => JsonValue.Create(1.5),
        (System.Text.Json.JsonValueKind.Number, _) => JsonValue.Create(true),
        (System.Text.Json.JsonValueKind.Object, 0) => new JsonArray(),
        (System.Text.Json.JsonValueKind.Object, _) => JsonValue.Create("object"),
        (System.Text.Json.JsonValueKind.Array, 0) => new JsonObject(),
        (System.Text.Json.JsonValueKind.Array, _) => JsonValue.Create("a, b"),
        _ => _random.Next(2) == 0 ? new JsonObject { ["x"] = 1 } : JsonValue.Create(-1),
    };

    private JsonNode Huge() => _random.Next(5) switch
    {
        0 => JsonValue.Create(new string('x', 200_000)),
        1 => JsonValue.Create(1e308),
        2 => JsonValue.Create(long.MaxValue),
        3 => JsonValue.Create(-2147483649L),
        _ => new JsonArray(Enumerable.Range(0, 20_000).Select(i => (JsonNode?)JsonValue.Create($"s{i}")).ToArray()),
    };

    private static JsonNode Nested(int depth)
    {
        var text = new StringBuilder();
        text.Append('[', depth).Append('1').Append(']', depth);
        return JsonNode.Parse(text.ToString(), documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = depth + 1 })!;
    }

    /// <summary>Makes the first step wait for a later one (or itself), which closes a loop.</summary>
    private string Cycle(JsonNode root)
    {
        if (root["steps"] is not JsonArray { Count: > 0 } steps || steps[0] is not JsonObject first) return "no steps to loop";
        var later = steps[_random.Next(steps.Count)] is JsonObject s && s["id"] is JsonValue id ? id.ToString() : "missing";
        first["after"] = new JsonArray(JsonValue.Create(later));
        return $"cycle: the first step waits for {later}";
    }
}
