using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace WorkingGroups.Core.Definitions;

/// <summary>Turns the text of one definition file into a <see cref="ProcessDefinition"/>, or into the list of its mistakes.</summary>
public static partial class DefinitionParser
{
    public const int SupportedSchemaVersion = 1;

    // Deeper than any sensible definition; keeps hostile input from exhausting the stack.
    private const int MaxDepth = 32;

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    public static ProcessDefinition? Parse(string file, string text, List<DefinitionError> errors)
    {
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { MaxDepth = MaxDepth, DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            });
            if (reader.Read())
            {
                errors.Add(new DefinitionError(file, reader.LineNumber, "$", "malformed JSON: unexpected content after the end of the definition."));
                return null;
            }
        }
        catch (JsonReaderException ex)
        {
            errors.Add(new DefinitionError(file, ex.LineNumber, string.IsNullOrEmpty(ex.Path) ? "$" : "$." + ex.Path, "malformed JSON: " + FirstSentence(ex.Message)));
            return null;
        }

        var before = errors.Count;
        var fields = new JsonFields(file, errors);
        if (fields.AsObject(root) is not { } obj) return null;

        fields.RejectUnknown(obj, "$schema", "schemaVersion", "id", "version", "country", "kind", "title", "description", "source",
            "leadBody", "benchmark", "reminderPolicies", "bodies", "steps", "operations");

        var schemaVersion = fields.Integer(obj, "schemaVersion", required: true, minimum: 1);
        if (schemaVersion is > SupportedSchemaVersion)
        {
            fields.Error(obj["schemaVersion"], $"schema version {schemaVersion} is not supported (this app reads version {SupportedSchemaVersion}).");
            return null;
        }

        var id = Id(fields, obj, "id");
        var version = fields.Integer(obj, "version", required: true, minimum: 1);
        var country = fields.String(obj, "country", required: true);
        if (country is not null && !CountryPattern().IsMatch(country))
        {
            fields.Error(obj["country"], $"\"{country}\" is not a two-letter ISO 3166-1 country code in capitals (e.g. KZ).");
        }
        var kind = fields.Enum<DefinitionKind>(fields.Get(obj, "kind", required: true), "definition kind");
        var title = Text(fields, obj, "title", required: true);
        var description = Text(fields, obj, "description", required: false);
        var source = fields.String(obj, "source", required: false);
        var leadBody = fields.String(obj, "leadBody", required: true);
        var benchmark = ReadBenchmark(fields, fields.Object(obj, "benchmark", required: true), overall: true);
        var policies = ReadPolicies(fields, fields.Object(obj, "reminderPolicies", required: false));
        var bodies = ReadList(fields, obj, "bodies", b => ReadBody(fields, b));
        var steps = ReadList(fields, obj, "steps", s => ReadStep(fields, s));
        var operations = ReadOperations(fields, fields.Object(obj, "operations", required: false));

        if (bodies.Count == 0 && obj["bodies"] is JArray { Count: 0 } emptyBodies) fields.Error(emptyBodies, "a definition needs at least one body.");
        if (steps.Count == 0 && obj["steps"] is JArray { Count: 0 } emptySteps) fields.Error(emptySteps, "a definition needs at least one step.");

        DefinitionRules.Check(fields, obj);

        if (errors.Count > before || id is null || version is null || country is null || kind is null || title is null
            || leadBody is null || benchmark is null)
        {
            return null;
        }

        return new ProcessDefinition(id, version.Value, country, kind.Value, title, description, source, leadBody, benchmark,
            bodies.Select(b => b.Value).ToList(), steps.Select(s => s.Value).ToList(), policies,
            operations ?? new Operations([], []))
        {
            File = file,
            ContentHash = HashOf(obj),
            Json = text,
        };
    }

    /// <summary>
    /// A hash of the content that ignores formatting, so re-indenting a file is not "editing" it, and ignores the texts in
    /// languages beyond the required ones: a Kazakh or Tajik translation added to a published version changes no step,
    /// so it is not an edit either (and an installation that published the version keeps starting).
    /// </summary>
    private static string HashOf(JObject obj)
    {
        var content = (JObject)obj.DeepClone();
        foreach (var text in content.DescendantsAndSelf().OfType<JObject>()
                     .Where(o => LocalizedText.RequiredLanguages.All(l => o[l]?.Type == JTokenType.String)).ToList())
            foreach (var translation in text.Properties().Where(p => !LocalizedText.RequiredLanguages.Contains(p.Name)).ToList())
                translation.Remove();
        var canonical = content.ToString(Formatting.None);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    private static string? Id(JsonFields fields, JObject obj, string name)
    {
        var id = fields.String(obj, name, required: true);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            fields.Error(obj[name], $"\"{id}\" is not a valid id: use lowercase letters, digits and hyphens, starting with a letter.");
            return null;
        }
        return id;
    }

    internal static LocalizedText? Text(JsonFields fields, JObject parent, string name, bool required) =>
        AsText(fields, fields.Get(parent, name, required));

    private static LocalizedText? AsText(JsonFields fields, JToken? token)
    {
        if (fields.AsObject(token) is not { } obj) return null;
        var values = new Dictionary<string, string>();
        foreach (var property in obj.Properties())
        {
            if (!LocalizedText.KnownLanguages.Contains(property.Name))
            {
                fields.Error(property, $"unknown language \"{property.Name}\" (expected one of: {string.Join(", ", LocalizedText.KnownLanguages)}).");
                continue;
            }
            if (fields.AsString(property.Value) is { } text) values[property.Name] = text;
        }
        var missing = LocalizedText.RequiredLanguages.Where(l => !obj.ContainsKey(l)).ToList();
        foreach (var language in missing)
        {
            fields.Error(obj, $"the text in \"{language}\" is missing ({string.Join(" and ", LocalizedText.RequiredLanguages)} are required).");
        }
        return missing.Count == 0 ? new LocalizedText(values) : null;
    }

    /// <summary>Reads each element of a list property, keeping the element token so later rules can point at its line.</summary>
    private static List<Located<T>> ReadList<T>(JsonFields fields, JObject obj, string name, Func<JObject, T?> read) where T : class
    {
        var result = new List<Located<T>>();
        foreach (var item in fields.Array(obj, name, required: true) ?? [])
        {
            if (fields.AsObject(item) is { } element && read(element) is { } value) result.Add(new Located<T>(value, element));
        }
        return result;
    }

    private static Benchmark? ReadBenchmark(JsonFields fields, JObject? obj, bool overall)
    {
        if (obj is null) return null;
        fields.RejectUnknown(obj, "days", "assumption", "source", "note");
        var days = fields.Integer(obj, "days", required: true, minimum: 1, maximum: 3650);
        var assumption = fields.Boolean(obj, "assumption", required: true);
        var source = fields.String(obj, "source", required: false);
        var note = fields.String(obj, "note", required: false);
        if (overall && assumption == false && source is null)
        {
            fields.Error(obj, "a benchmark that is not an assumption must name its \"source\".");
        }
        return days is null || assumption is null ? null : new Benchmark(days.Value, assumption.Value, source, note);
    }

    private static IReadOnlyDictionary<StepKind, ReminderPolicy> ReadPolicies(JsonFields fields, JObject? obj)
    {
        var result = new Dictionary<StepKind, ReminderPolicy>();
        if (obj is null) return result;
        foreach (var property in obj.Properties())
        {
            if (!KindNames.TryParse<StepKind>(property.Name, out var kind))
            {
                fields.Error(property, $"unknown step kind \"{property.Name}\" (expected one of: {string.Join(", ", KindNames.All<StepKind>())}).");
                continue;
            }
            if (ReadPolicy(fields, fields.AsObject(property.Value)) is { } policy) result[kind] = policy;
        }
        return result;
    }

    private static ReminderPolicy? ReadPolicy(JsonFields fields, JObject? obj)
    {
        if (obj is null) return null;
        fields.RejectUnknown(obj, "firstAfterDays", "everyDays", "escalateAfter", "skipWeekends");
        var first = fields.Integer(obj, "firstAfterDays", required: false, minimum: 1, maximum: 365);
        var every = fields.Integer(obj, "everyDays", required: false, minimum: 1, maximum: 365);
        var escalate = fields.Integer(obj, "escalateAfter", required: false, minimum: 1, maximum: 100);
        var weekends = fields.Boolean(obj, "skipWeekends", required: false);
        var d = ReminderPolicy.Default;
        return new ReminderPolicy(first ?? d.FirstAfterDays, every ?? d.EveryDays, escalate ?? d.EscalateAfter, weekends ?? d.SkipWeekends);
    }

    private static Body? ReadBody(JsonFields fields, JObject obj)
    {
        fields.RejectUnknown(obj, "id", "name", "shortName", "kind", "roles", "language", "alsoIn", "contact");
        var id = Id(fields, obj, "id");
        var name = Text(fields, obj, "name", required: true);
        var shortName = Text(fields, obj, "shortName", required: false);
        var kind = fields.Enum<BodyKind>(fields.Get(obj, "kind", required: true), "body kind");
        var roles = (fields.Array(obj, "roles", required: true) ?? []).Select(r => fields.Enum<BodyRole>(r, "role")).ToList();
        var language = fields.String(obj, "language", required: false) ?? "ru";
        if (!LocalizedText.KnownLanguages.Contains(language))
        {
            fields.Error(obj["language"], $"unknown language \"{language}\" (expected one of: {string.Join(", ", LocalizedText.KnownLanguages)}).");
        }
        var alsoIn = fields.String(obj, "alsoIn", required: false);
        if (alsoIn is not null && (!LocalizedText.KnownLanguages.Contains(alsoIn) || alsoIn == language))
        {
            fields.Error(obj["alsoIn"], $"\"{alsoIn}\" is not a second language for a body writing {language} (expected one of: {string.Join(", ", LocalizedText.KnownLanguages.Where(l => l != language))}).");
        }
        var contact = ReadContact(fields, fields.Object(obj, "contact", required: false));
        if (id is null || name is null || kind is null || roles.Any(r => r is null)) return null;
        return new Body(id, name, shortName, kind.Value, roles.Select(r => r!.Value).Distinct().ToList(), language, contact) { AlsoIn = alsoIn };
    }

    private static Contact? ReadContact(JsonFields fields, JObject? obj)
    {
        if (obj is null) return null;
        fields.RejectUnknown(obj, "name", "email");
        var name = fields.String(obj, "name", required: false);
        var email = fields.String(obj, "email", required: true);
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            fields.Error(obj["email"], $"\"{email}\" is not an e-mail address.");
            return null;
        }
        return email is null ? null : new Contact(name, email);
    }

    private static StepDefinition? ReadStep(JsonFields fields, JObject obj)
    {
        fields.RejectUnknown(obj, "id", "title", "description", "kind", "owner", "after", "benchmark", "evidence", "invitees", "reminders");
        var id = Id(fields, obj, "id");
        var title = Text(fields, obj, "title", required: true);
        var description = Text(fields, obj, "description", required: false);
        var kind = fields.Enum<StepKind>(fields.Get(obj, "kind", required: true), "step kind");
        var owner = fields.String(obj, "owner", required: true);
        var after = fields.Strings(obj, "after", required: false);
        var benchmark = ReadBenchmark(fields, fields.Object(obj, "benchmark", required: true), overall: false);
        var evidence = (fields.Array(obj, "evidence", required: false) ?? []).Select(e => AsText(fields, e)).ToList();
        var invitees = fields.Strings(obj, "invitees", required: false);
        var reminders = ReadPolicy(fields, fields.Object(obj, "reminders", required: false));
        if (id is null || title is null || kind is null || owner is null || benchmark is null || evidence.Any(e => e is null)) return null;
        return new StepDefinition(id, title, description, kind.Value, owner, after, benchmark, evidence.Select(e => e!).ToList(),
            invitees, reminders);
    }

    private static Operations? ReadOperations(JsonFields fields, JObject? obj)
    {
        if (obj is null) return null;
        fields.RejectUnknown(obj, "meetings", "decisions");
        var meetings = new List<MeetingCadence>();
        foreach (var item in fields.Array(obj, "meetings", required: false) ?? [])
        {
            if (fields.AsObject(item) is not { } meeting) continue;
            fields.RejectUnknown(meeting, "kind", "perYear");
            var kind = fields.Enum<MeetingKind>(fields.Get(meeting, "kind", required: true), "meeting kind");
            var perYear = fields.Integer(meeting, "perYear", required: true, minimum: 1, maximum: 52);
            if (kind is not null && perYear is not null) meetings.Add(new MeetingCadence(kind.Value, perYear.Value));
        }
        var decisions = (fields.Array(obj, "decisions", required: false) ?? [])
            .Select(d => fields.Enum<DecisionKind>(d, "decision kind")).OfType<DecisionKind>().ToList();
        return new Operations(meetings, decisions);
    }
}

/// <summary>A value read from a file, with the JSON element it came from.</summary>
internal sealed record Located<T>(T Value, JObject Element);
