using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Web.Localization;

namespace WorkingGroups.Web.Processes;

/// <summary>
/// An audit value as the services wrote it (a JSON object of the facts before or after a change) as labelled lines in
/// the reader's language: field names translated, dates in the language's format, statuses by their names, a nominee
/// and each document on a line of its own. A field or value this does not know is shown as written, never hidden.
/// </summary>
internal static class AuditLines
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<(string Label, string Value)> Of(IStringLocalizer t, string? json, bool ofInvitation)
    {
        if (json is null) return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => false,
                JsonValueKind.Array => p.Value.GetArrayLength() > 0,
                _ => true,
            })
            .Select(p => (Label(t, p.Name), Value(t, p.Name, p.Value, ofInvitation)))
            .ToList();
    }

    private static string Label(IStringLocalizer t, string field) =>
        t[$"Audit.Field.{field}"] is { ResourceNotFound: false } label ? label.Value : field;

    private static string Value(IStringLocalizer t, string field, JsonElement value, bool ofInvitation)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            try
            {
                return (field, value.ValueKind) switch
                {
                    ("nominee", JsonValueKind.Object) when value.Deserialize<Nominee>(Json) is { Name: not null } nominee => nominee.Line(),
                    ("evidence", JsonValueKind.Array) => string.Join("\n", value.Deserialize<List<Evidence>>(Json)!.Select(t.Document)),
                    _ => value.GetRawText(),
                };
            }
            catch (JsonException)
            {
                return value.GetRawText(); // an entry of another shape, written by an older version: shown as written
            }
        }
        var text = value.GetString()!;
        return field switch
        {
            // A status of an invitation's entry is the invitation's (pending, accepted); otherwise the step's.
            "status" when ofInvitation && KindNames.TryParse<InvitationStatus>(text, out var answer) => t.Of(answer),
            "status" when !ofInvitation && KindNames.TryParse<StepStatus>(text, out var step) => t.Of(step),
            "channel" when KindNames.TryParse<ReminderChannel>(text, out var channel) => t.Of(channel),
            _ when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => t.Date(date),
            _ => text,
        };
    }
}
