using Newtonsoft.Json.Linq;

namespace WorkingGroups.Core.Definitions;

/// <summary>
/// The rules that tie a definition together: unique ids, references to known bodies and steps, no cycles,
/// invitations with invitees. They read the raw JSON so that one bad body does not also make every step
/// that names it look wrong.
/// </summary>
internal static class DefinitionRules
{
    public static void Check(JsonFields fields, JObject root)
    {
        var bodies = IdsOf(fields, root["bodies"] as JArray, "body");
        var steps = IdsOf(fields, root["steps"] as JArray, "step");

        if (root["leadBody"] is { Type: JTokenType.String } lead && !bodies.ContainsKey(lead.Value<string>()!))
        {
            fields.Error(lead, $"the lead body \"{lead}\" is not one of the bodies listed in \"bodies\".");
        }
        // An establishment founds a group, which needs a chair; a membership change amends a group that has one.
        if (root["kind"] is not { Type: JTokenType.String } kind || kind.Value<string>() != "membership-change") CheckChair(fields, root["bodies"] as JArray);

        foreach (var (stepId, step) in steps)
        {
            if (step["owner"] is { Type: JTokenType.String } owner && !bodies.ContainsKey(owner.Value<string>()!))
            {
                fields.Error(owner, $"step \"{stepId}\" is owned by \"{owner}\", which is not one of the bodies listed in \"bodies\".");
            }
            CheckAfter(fields, stepId, step, steps);
            CheckInvitees(fields, stepId, step, bodies);
        }
        CheckCycles(fields, steps);
    }

    /// <summary>Ids by element; a repeated id is reported at its second appearance.</summary>
    private static Dictionary<string, JObject> IdsOf(JsonFields fields, JArray? array, string what)
    {
        var ids = new Dictionary<string, JObject>();
        foreach (var element in (array ?? []).OfType<JObject>())
        {
            if (element["id"] is not { Type: JTokenType.String } idToken) continue;
            var id = idToken.Value<string>()!;
            if (!ids.TryAdd(id, element))
            {
                fields.Error(idToken, $"the {what} id \"{id}\" is used twice (first at line {JsonFields.LineOf(ids[id])}).");
            }
        }
        return ids;
    }

    private static void CheckChair(JsonFields fields, JArray? bodies)
    {
        if (bodies is null || bodies.Count == 0) return;
        var hasChair = bodies.OfType<JObject>()
            .Any(b => b["roles"] is JArray roles && roles.Any(r => r.Type == JTokenType.String && r.Value<string>() is "chair" or "co-chair"));
        if (!hasChair) fields.Error(bodies, "no body has the role \"chair\": a working group needs a chair.");
    }

    private static void CheckAfter(JsonFields fields, string stepId, JObject step, Dictionary<string, JObject> steps)
    {
        if (step["after"] is not JArray after) return;
        var seen = new HashSet<string>();
        foreach (var item in after.Where(a => a.Type == JTokenType.String))
        {
            var other = item.Value<string>()!;
            if (other == stepId)
                fields.Error(item, $"step \"{stepId}\" cannot wait for itself.");
            else if (!steps.ContainsKey(other))
                fields.Error(item, $"step \"{stepId}\" waits for \"{other}\", which is not a step of this definition (steps: {string.Join(", ", steps.Keys)}).");
            else if (!seen.Add(other))
                fields.Error(item, $"step \"{stepId}\" lists \"{other}\" twice in \"after\".");
        }
    }

    private static void CheckInvitees(JsonFields fields, string stepId, JObject step, Dictionary<string, JObject> bodies)
    {
        var isInvitations = step["kind"] is { Type: JTokenType.String } kind && kind.Value<string>() == "invitations";
        var invitees = step["invitees"] as JArray;
        if (!isInvitations)
        {
            if (invitees is { Count: > 0 })
                fields.Error(invitees, $"step \"{stepId}\" lists invitees but is not of kind \"invitations\".");
            return;
        }
        if (invitees is null || invitees.Count == 0)
        {
            fields.Error((JToken?)invitees ?? step, $"the invitations step \"{stepId}\" invites nobody: list the invited bodies in \"invitees\".",
                invitees is null ? JsonFields.Child(step, "invitees") : null);
            return;
        }
        var seen = new HashSet<string>();
        foreach (var item in invitees.Where(i => i.Type == JTokenType.String))
        {
            var bodyId = item.Value<string>()!;
            if (!bodies.ContainsKey(bodyId))
                fields.Error(item, $"step \"{stepId}\" invites \"{bodyId}\", which is not one of the bodies listed in \"bodies\".");
            else if (!seen.Add(bodyId))
                fields.Error(item, $"step \"{stepId}\" invites \"{bodyId}\" twice.");
        }
    }

    /// <summary>Depth-first search over "after"; each cycle is reported once, naming its steps in order.</summary>
    private static void CheckCycles(JsonFields fields, Dictionary<string, JObject> steps)
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
                        var element = steps[cycle[0]];
                        fields.Error(element["after"] ?? element,
                            $"the steps form a cycle: {string.Join(" -> ", cycle.Append(cycle[0]).Select(s => $"\"{s}\""))}; no step in it could ever start.");
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
            (steps[id]["after"] as JArray ?? [])
                .Where(a => a.Type == JTokenType.String)
                .Select(a => a.Value<string>()!)
                .Where(a => a != id && steps.ContainsKey(a))
                .Distinct();
    }
}
