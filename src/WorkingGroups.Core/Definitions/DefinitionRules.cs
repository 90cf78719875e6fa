using System.Text.Json;

namespace WorkingGroups.Core.Definitions;

/// <summary>
/// The rules a JSON Schema cannot say, which tie a definition together: unique ids, references to known bodies and
/// steps, no cycles, a chair for a group being founded. They read the raw JSON, whatever its shape, so that one bad
/// body does not also make every step that names it look wrong.
/// </summary>
internal static class DefinitionRules
{
    public static void Check(DefinitionText text, List<DefinitionError> errors)
    {
        var root = text.Root;
        if (root.ValueKind != JsonValueKind.Object) return;
        var bodies = IdsOf(text, root, "bodies", "body", errors);
        var steps = IdsOf(text, root, "steps", "step", errors);

        if (StringAt(root, "leadBody") is { } lead && !bodies.ContainsKey(lead))
        {
            errors.Add(text.Error("/leadBody", $"the lead body \"{lead}\" is not one of the bodies listed in \"bodies\"."));
        }
        // An establishment founds a group, which needs a chair; a membership change amends a group that has one.
        if (StringAt(root, "kind") != "membership-change") CheckChair(text, root, errors);

        foreach (var (stepId, step) in steps)
        {
            if (StringAt(step.Element, "owner") is { } owner && !bodies.ContainsKey(owner))
            {
                errors.Add(text.Error(DefinitionText.Child(step.Pointer, "owner"),
                    $"step \"{stepId}\" is owned by \"{owner}\", which is not one of the bodies listed in \"bodies\"."));
            }
            foreach (var (other, pointer) in StringsAt(step, "after"))
            {
                if (other == stepId)
                    errors.Add(text.Error(pointer, $"step \"{stepId}\" cannot wait for itself."));
                else if (!steps.ContainsKey(other))
                    errors.Add(text.Error(pointer, $"step \"{stepId}\" waits for \"{other}\", which is not a step of this definition (steps: {string.Join(", ", steps.Keys)})."));
            }
            foreach (var (bodyId, pointer) in StringsAt(step, "invitees").Where(i => !bodies.ContainsKey(i.Value)))
            {
                errors.Add(text.Error(pointer, $"step \"{stepId}\" invites \"{bodyId}\", which is not one of the bodies listed in \"bodies\"."));
            }
        }
        CheckCycles(text, steps, errors);
    }

    /// <summary>An element of a list, with its JSON Pointer so a rule can point at its line.</summary>
    private sealed record Item(JsonElement Element, string Pointer);

    /// <summary>Ids by element; a repeated id is reported at its second appearance.</summary>
    private static Dictionary<string, Item> IdsOf(DefinitionText text, JsonElement root, string list, string what, List<DefinitionError> errors)
    {
        var ids = new Dictionary<string, Item>();
        foreach (var item in Elements(root, list, "").Where(i => i.Element.ValueKind == JsonValueKind.Object))
        {
            if (StringAt(item.Element, "id") is not { } id) continue;
            if (!ids.TryAdd(id, item))
            {
                errors.Add(text.Error(DefinitionText.Child(item.Pointer, "id"),
                    $"the {what} id \"{id}\" is used twice (first at line {text.PositionOf(ids[id].Pointer).Line})."));
            }
        }
        return ids;
    }

    private static void CheckChair(DefinitionText text, JsonElement root, List<DefinitionError> errors)
    {
        var bodies = Elements(root, "bodies", "").Where(b => b.Element.ValueKind == JsonValueKind.Object).ToList();
        if (bodies.Count == 0) return;
        var hasChair = bodies.Any(b => StringsAt(b, "roles").Any(r => r.Value is "chair" or "co-chair"));
        if (!hasChair) errors.Add(text.Error("/bodies", "no body has the role \"chair\": a working group needs a chair."));
    }

    /// <summary>Depth-first search over "after"; each cycle is reported once, naming its steps in order.</summary>
    private static void CheckCycles(DefinitionText text, Dictionary<string, Item> steps, List<DefinitionError> errors)
    {
        var state = new Dictionary<string, int>(); // 1 = on the current path, 2 = finished
        var path = new List<string>();
        var reported = new HashSet<string>();

        foreach (var start in steps.Keys) Visit(start);

        void Visit(string id)
        {
            if (state.GetValueOrDefault(id) == 2) return;
            state[id] = 1;
            path.Add(id);
            foreach (var next in Predecessors(id))
            {
                var mark = state.GetValueOrDefault(next);
                if (mark == 1)
                {
                    var cycle = path.Skip(path.IndexOf(next)).ToList();
                    var key = string.Join(",", cycle.Order());
                    if (reported.Add(key))
                    {
                        // The path follows "after" backwards; report the steps in the order they would run.
                        cycle = [cycle[0], .. cycle.Skip(1).Reverse()];
                        var step = steps[cycle[0]];
                        var at = step.Element.TryGetProperty("after", out _) ? DefinitionText.Child(step.Pointer, "after") : step.Pointer;
                        errors.Add(text.Error(at,
                            $"the steps form a cycle: {string.Join(" -> ", cycle.Append(cycle[0]).Select(s => $"\"{s}\""))}; no step in it could ever start."));
                    }
                }
                else if (mark == 0)
                {
                    Visit(next);
                }
            }
            path.RemoveAt(path.Count - 1);
            state[id] = 2;
        }

        IEnumerable<string> Predecessors(string id) =>
            StringsAt(steps[id], "after").Select(a => a.Value).Where(a => a != id && steps.ContainsKey(a)).Distinct();
    }

    private static string? StringAt(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static IEnumerable<Item> Elements(JsonElement parent, string name, string parentPointer) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select((e, i) => new Item(e, DefinitionText.Child(DefinitionText.Child(parentPointer, name), i)))
            : [];

    /// <summary>The texts of a list property, each with its pointer; other values are the schema's to report.</summary>
    private static IEnumerable<(string Value, string Pointer)> StringsAt(Item item, string name) =>
        Elements(item.Element, name, item.Pointer).Where(e => e.Element.ValueKind == JsonValueKind.String).Select(e => (e.Element.GetString()!, e.Pointer));
}
