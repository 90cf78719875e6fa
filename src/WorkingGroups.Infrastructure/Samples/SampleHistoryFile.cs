using System.Globalization;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;

namespace WorkingGroups.Infrastructure.Samples;

/// <summary>
/// Reads samples/histories/*.json and checks what can be checked before anything is stored: the definition, step
/// and body ids, the answers and the dates. The order of the actions is checked by the process rules as they play.
/// Dates are <c>yyyy-MM-dd</c>, or <c>today-N</c> (N days before the day the samples load) for a history that must
/// stay in progress.
/// </summary>
internal static class SampleHistoryFile
{
    /// <summary>Every history of a folder, or every mistake in them (each with file and JSON path).</summary>
    public static (List<SampleHistory> Histories, List<string> Errors) ReadFolder(string folder, DefinitionCatalog catalog, DateOnly today) =>
        SampleFiles.ReadFolder<WrittenHistory, SampleHistory>(folder, (file, written, problems) => Check(file, written, catalog, today, problems));

    /// <summary>An unknown definition ends the check of a file; other mistakes are all collected.</summary>
    private static SampleHistory Check(string file, WrittenHistory written, DefinitionCatalog catalog, DateOnly today, List<SampleHistoryException> problems)
    {
        var definitionId = written.DefinitionId ?? throw new SampleHistoryException("$.definitionId", "is required.");
        var definition = catalog.Find(definitionId, written.Version)
            ?? throw new SampleHistoryException("$.definitionId", $"there is no definition \"{definitionId}\"{(written.Version is { } v ? $" version {v}" : "")} loaded.");
        var startedOn = Collect(problems, () => Date("$.startedOn", written.StartedOn, today));
        var actions = (written.Actions ?? []).Select((a, i) => Collect(problems, () => Action($"$.actions[{i}]", a, definition, today)))
            .OfType<SampleAction>().ToList();
        return new SampleHistory(file, new StartProcess(definition.Id, definition.Version, startedOn, written.Title), actions);
    }

    private static T? Collect<T>(List<SampleHistoryException> problems, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (SampleHistoryException ex)
        {
            problems.Add(ex);
            return default;
        }
    }

    private static SampleAction Action(string where, WrittenAction written, ProcessDefinition definition, DateOnly today)
    {
        if (new[] { written.Complete, written.Answer, written.Remind }.Count(s => s is not null) != 1)
            throw new SampleHistoryException(where,
                "names one of \"complete\" (a step id), \"answer\" or \"remind\" (an invitations step id), not several or none.");
        var stepId = written.Complete ?? written.Answer ?? written.Remind!;
        var step = definition.FindStep(stepId)
            ?? throw new SampleHistoryException(where, $"\"{definition.Id}\" has no step \"{stepId}\" (steps: {string.Join(", ", definition.Steps.Select(s => s.Id))}).");
        var on = Date(where + ".on", written.On, today);
        if (written.Complete is not null)
        {
            var evidence = written.Evidence?.Select((e, i) =>
                new Evidence(e.Title ?? "", e.Number, e.Date is null ? null : Date($"{where}.evidence[{i}].date", e.Date, today))).ToList();
            return new CompleteSampleStep(where, stepId, new CompleteStep(on, written.Note, evidence));
        }
        var bodyId = written.Body ?? throw new SampleHistoryException(where + ".body", "an answer or a reminder names the invited body.");
        if (!step.Invitees.Contains(bodyId))
            throw new SampleHistoryException(where + ".body", $"\"{bodyId}\" is not invited in step \"{stepId}\" (invited: {string.Join(", ", step.Invitees)}).");
        if (written.Remind is not null)
        {
            var channel = RecordedReminders.ChannelNames.Contains(written.Channel ?? "") ? RecordedReminders.Channel(written.Channel)
                : throw new SampleHistoryException(where + ".channel",
                    $"\"{written.Channel}\" is not a channel ({string.Join(", ", RecordedReminders.ChannelNames)}).");
            return new RemindSampleInvitation(where, stepId, new RecordReminder(stepId, bodyId, on, channel, written.LetterNumber, written.Note));
        }
        var response = written.Response switch
        {
            "accepted" => InvitationResponse.Accepted,
            "declined" => InvitationResponse.Declined,
            _ => throw new SampleHistoryException(where + ".response", $"\"{written.Response}\" is not accepted or declined."),
        };
        return new AnswerSampleInvitation(where, stepId, bodyId, new AnswerInvitation(response, on, written.Nominee, written.Reason));
    }

    /// <summary>A business date: <c>yyyy-MM-dd</c> or <c>today-N</c>; never after today.</summary>
    public static DateOnly Date(string where, string? text, DateOnly today)
    {
        DateOnly date;
        if (text is not null && text.StartsWith("today", StringComparison.Ordinal))
        {
            var rest = text["today".Length..];
            if (rest.Length == 0) date = today;
            else if (rest[0] == '-' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var days)) date = today.AddDays(-days);
            else throw new SampleHistoryException(where, $"\"{text}\" is not a date: write yyyy-MM-dd or today-N.");
        }
        else if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            throw new SampleHistoryException(where, $"\"{text}\" is not a date: write yyyy-MM-dd or today-N.");
        }
        if (date > today) throw new SampleHistoryException(where, $"{date:yyyy-MM-dd} is in the future.");
        return date;
    }

    private sealed record WrittenHistory(string? About, string? DefinitionId, int? Version, string? Title, string? StartedOn, List<WrittenAction>? Actions);

    private sealed record WrittenAction(
        string? Complete, string? Answer, string? Remind, string? Body, string? Response, string? On, string? Note,
        List<WrittenEvidence>? Evidence, Nominee? Nominee, string? Reason, string? Channel, string? LetterNumber);

    private sealed record WrittenEvidence(string? Title, string? Number, string? Date);
}

/// <summary>A mistake in a sample history file, with the JSON path it is at.</summary>
internal sealed class SampleHistoryException(string where, string message) : Exception(message)
{
    public string Where { get; } = where;
}
