using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace WorkingGroups.Core.Definitions;

/// <summary>
/// Turns the text of one definition file into a <see cref="ProcessDefinition"/>, or into the list of its mistakes:
/// malformed JSON, then the schema (its shape), then the rules a schema cannot say. Only a file without mistakes is
/// read into the model, so reading trusts the shape the schema has checked.
/// </summary>
public static class DefinitionParser
{
    public const int SupportedSchemaVersion = 1;

    /// <param name="languages">The languages the app has texts for; a definition writing in another is refused. Null
    /// where no one reads it again (a published copy from the database).</param>
    public static ProcessDefinition? Parse(string file, string text, List<DefinitionError> errors, IReadOnlyCollection<string>? languages = null)
    {
        using var json = DefinitionText.Read(file, text, errors);
        if (json is null) return null;

        // A file written for a later format cannot be judged by this schema: say only that.
        if (json.Root.ValueKind == JsonValueKind.Object && json.Root.TryGetProperty("schemaVersion", out var schemaVersion)
            && schemaVersion.ValueKind == JsonValueKind.Number && schemaVersion.TryGetDecimal(out var number) && number > SupportedSchemaVersion)
        {
            errors.Add(json.Error("/schemaVersion", $"schema version {schemaVersion.GetRawText()} is not supported (this app reads version {SupportedSchemaVersion})."));
            return null;
        }

        var before = errors.Count;
        errors.AddRange(DefinitionSchema.Check(json));
        DefinitionRules.Check(json, errors);
        if (languages is not null && errors.Count == before) DefinitionLanguages.Check(json, languages, errors);
        if (errors.Count > before) return null;

        return Read(json.Root) with
        {
            File = file, ContentHash = HashOf(text), Json = text, Group = ReadGroup(json.Root),
            BenchmarkUnit = Optional(json.Root, "benchmarkUnit")?.GetString() == "workingDays" ? Calendars.BenchmarkUnit.WorkingDays : Calendars.BenchmarkUnit.CalendarDays,
        };
    }

    /// <summary>
    /// A hash of the content that ignores formatting, so re-indenting a file is not "editing" it. Published versions
    /// are stored with this hash, so it stays Newtonsoft's compact form of the file, as it has always been, less the
    /// texts in languages beyond the required ones: a Kazakh or Tajik translation added to a published version changes
    /// no step, so it is not an edit either (and an installation that published the version keeps starting).
    /// </summary>
    private static string HashOf(string text)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(text)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var content = (JContainer)JToken.ReadFrom(reader, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
        // The group's name and purpose are texts too, added to published versions after their processes began.
        (content as JObject)?.Remove("group");
        foreach (var localized in content.DescendantsAndSelf().OfType<JObject>()
                     .Where(o => LocalizedText.RequiredLanguages.All(l => o[l]?.Type == JTokenType.String)).ToList())
            foreach (var translation in localized.Properties().Where(p => !LocalizedText.RequiredLanguages.Contains(p.Name)).ToList())
                translation.Remove();
        var canonical = content.ToString(Newtonsoft.Json.Formatting.None);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static ProcessDefinition Read(JsonElement root) => new(
        root.GetProperty("id").GetString()!,
        Integer(root.GetProperty("version")),
        root.GetProperty("country").GetString()!,
        Kind<DefinitionKind>(root.GetProperty("kind")),
        Text(root.GetProperty("title")),
        Optional(root, "description") is { } description ? Text(description) : null,
        Optional(root, "source")?.GetString(),
        root.GetProperty("leadBody").GetString()!,
        ReadBenchmark(root.GetProperty("benchmark")),
        List(root, "bodies").Select(ReadBody).ToList(),
        List(root, "steps").Select(ReadStep).ToList(),
        Optional(root, "reminderPolicies") is { } policies
            ? policies.EnumerateObject().ToDictionary(p => Kind<StepKind>(p.Name), p => ReadPolicy(p.Value))
            : new Dictionary<StepKind, ReminderPolicy>(),
        Optional(root, "operations") is { } operations ? ReadOperations(operations) : new Operations([], []));

    private static GroupDescription? ReadGroup(JsonElement root) => Optional(root, "group") is { } group
        ? new GroupDescription(Text(group.GetProperty("name")), Optional(group, "purpose") is { } purpose ? Text(purpose) : null)
        : null;

    private static Benchmark ReadBenchmark(JsonElement obj) => new(
        Integer(obj.GetProperty("days")), obj.GetProperty("assumption").GetBoolean(),
        Optional(obj, "source")?.GetString(), Optional(obj, "note")?.GetString());

    private static ReminderPolicy ReadPolicy(JsonElement obj)
    {
        var d = ReminderPolicy.Default;
        return new ReminderPolicy(
            Optional(obj, "firstAfterDays") is { } first ? Integer(first) : d.FirstAfterDays,
            Optional(obj, "everyDays") is { } every ? Integer(every) : d.EveryDays,
            Optional(obj, "escalateAfter") is { } escalate ? Integer(escalate) : d.EscalateAfter,
            Optional(obj, "skipWeekends")?.GetBoolean() ?? d.SkipWeekends);
    }

    private static Body ReadBody(JsonElement obj) => new(
        obj.GetProperty("id").GetString()!,
        Text(obj.GetProperty("name")),
        Optional(obj, "shortName") is { } shortName ? Text(shortName) : null,
        Kind<BodyKind>(obj.GetProperty("kind")),
        List(obj, "roles").Select(Kind<BodyRole>).Distinct().ToList(),
        Optional(obj, "language")?.GetString() ?? "ru",
        Optional(obj, "contact") is { } contact ? new Contact(Optional(contact, "name")?.GetString(), contact.GetProperty("email").GetString()!) : null)
    {
        AlsoIn = Optional(obj, "alsoIn")?.GetString(),
    };

    private static StepDefinition ReadStep(JsonElement obj) => new(
        obj.GetProperty("id").GetString()!,
        Text(obj.GetProperty("title")),
        Optional(obj, "description") is { } description ? Text(description) : null,
        Kind<StepKind>(obj.GetProperty("kind")),
        obj.GetProperty("owner").GetString()!,
        List(obj, "after").Select(a => a.GetString()!).ToList(),
        ReadBenchmark(obj.GetProperty("benchmark")),
        List(obj, "evidence").Select(Text).ToList(),
        List(obj, "invitees").Select(i => i.GetString()!).ToList(),
        Optional(obj, "reminders") is { } reminders ? ReadPolicy(reminders) : null);

    private static Operations ReadOperations(JsonElement obj) => new(
        List(obj, "meetings").Select(m => new MeetingCadence(Kind<MeetingKind>(m.GetProperty("kind")), Integer(m.GetProperty("perYear")))).ToList(),
        List(obj, "decisions").Select(Kind<DecisionKind>).ToList());

    private static LocalizedText Text(JsonElement obj) => new(obj.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));

    private static JsonElement? Optional(JsonElement obj, string name) => obj.TryGetProperty(name, out var value) ? value : null;

    private static IEnumerable<JsonElement> List(JsonElement obj, string name) => Optional(obj, name)?.EnumerateArray() ?? [];

    // The schema's "integer" admits 1.0; its bounds keep the value within an int.
    private static int Integer(JsonElement value) => (int)value.GetDecimal();

    private static T Kind<T>(JsonElement value) where T : struct, Enum => Kind<T>(value.GetString()!);

    private static T Kind<T>(string text) where T : struct, Enum =>
        KindNames.TryParse<T>(text, out var kind) ? kind : throw new InvalidOperationException($"the schema let through the {typeof(T).Name} \"{text}\".");
}
