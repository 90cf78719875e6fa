using WorkingGroups.Core.Processes;

namespace WorkingGroups.Web.Processes;

// The JSON bodies of the process API. Dates are ISO yyyy-MM-dd; the binder refuses anything else with a 400.

internal sealed record StartProcessRequest(string? DefinitionId, int? Version, DateOnly? StartedOn, string? Title);

internal sealed record EvidenceRequest(string? Title, string? Number, DateOnly? Date);

internal sealed record CompleteStepRequest(DateOnly? CompletedOn, string? Note, List<EvidenceRequest>? Evidence);

internal sealed record NomineeRequest(string? Name, string? Position, string? Email);

internal sealed record AnswerRequest(string? Response, DateOnly? RespondedOn, NomineeRequest? Nominee, string? Reason);

internal sealed record CorrectStepRequest(DateOnly? CompletedOn, string? Note, List<EvidenceRequest>? Evidence);

internal sealed record CancelRequest(DateOnly? CancelledOn, string? Reason);

internal sealed record SendBackRequest(DateOnly? SentBackOn, string? Reason);

/// <summary>Turns request bodies into commands; a missing required field is a 400 naming it.</summary>
internal static class RequestMapping
{
    public static StartProcess ToCommand(this StartProcessRequest r) => new(
        Required(r.DefinitionId, "definitionId"), r.Version, Required(r.StartedOn, "startedOn"), r.Title);

    public static CompleteStep ToCommand(this CompleteStepRequest r) => new(
        Required(r.CompletedOn, "completedOn"), r.Note, Evidence(r.Evidence));

    public static AnswerInvitation ToCommand(this AnswerRequest r) => new(
        Required(r.Response, "response") switch
        {
            "accepted" => InvitationResponse.Accepted,
            "declined" => InvitationResponse.Declined,
            var other => throw DomainRuleException.Invalid("response", "not-a-response", other),
        },
        Required(r.RespondedOn, "respondedOn"),
        r.Nominee is null ? null : new Nominee(r.Nominee.Name ?? "", r.Nominee.Position, r.Nominee.Email),
        r.Reason);

    public static CorrectStep ToCommand(this CorrectStepRequest r) => new(r.CompletedOn, r.Note, Evidence(r.Evidence));

    public static CancelProcess ToCommand(this CancelRequest r) => new(Required(r.CancelledOn, "cancelledOn"), Required(r.Reason, "reason"));

    public static SendBackStep ToCommand(this SendBackRequest r) => new(Required(r.SentBackOn, "sentBackOn"), Required(r.Reason, "reason"));

    internal static List<Evidence>? Evidence(List<EvidenceRequest>? evidence) =>
        evidence is null ? null : Entries(evidence, "evidence").Select(e => new Evidence(e.Title ?? "", e.Number, e.Date)).ToList();

    /// <summary>A list's entries, once none of them is null: JSON allows [null], the commands do not.</summary>
    internal static IReadOnlyList<T> Entries<T>(IReadOnlyList<T> items, string field) where T : class
    {
        ProcessRules.NoNulls<T>(field, items);
        return items;
    }

    internal static T Required<T>(T? value, string field) where T : struct =>
        value ?? throw DomainRuleException.Invalid(field, "required", field);

    internal static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw DomainRuleException.Invalid(field, "required", field) : value;
}
