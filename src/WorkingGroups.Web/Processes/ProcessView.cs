using WorkingGroups.Core.Calendars;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Forecasts;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Web.Processes;

/// <summary>
/// A process as the API shows it: facts plus elapsed days and the state against each benchmark, as of today. The reads
/// add the forecast of a running process (null otherwise, and in the answer to a change).
/// </summary>
internal sealed record ProcessView(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    string Country,
    string Title,
    string Status,
    DateOnly StartedOn,
    DateOnly? EstablishedOn,
    DateOnly? CancelledOn,
    string? CancelReason,
    int ElapsedDays,
    int BenchmarkDays,
    string State,
    IReadOnlyList<string> ActiveSteps,
    IReadOnlyList<StepStateView> Steps,
    string BenchmarkUnit,
    Forecast? Forecast = null)
{
    /// <summary>The process as of today in its country, its elapsed days in its benchmarks' unit.</summary>
    public static ProcessView Of(Process p, ProcessService service, Forecast? forecast = null)
    {
        var (today, ruler) = service.TimeOf(p);
        return From(p, service.DefinitionOf(p), today, ruler, forecast);
    }

    public static ProcessView From(Process p, ProcessDefinition d, DateOnly today, DayRuler? ruler = null, Forecast? forecast = null)
    {
        ruler ??= DayRuler.Calendar;
        var elapsed = p.ElapsedDays(today, ruler);
        return new ProcessView(p.Id, p.DefinitionId, p.DefinitionVersion, p.Country, p.Title, Name(p.Status), p.StartedOn,
            p.EstablishedOn, p.CancelledOn, p.CancelReason, elapsed, p.BenchmarkDays, Name(p.State(today, ruler)),
            p.Steps.Where(s => s.Status == StepStatus.Active).Select(s => s.StepId).ToList(),
            p.Steps.OrderBy(s => s.Order).Select(s => StepStateView.From(s, d, today, ruler)).ToList(), Name(ruler.Unit), forecast);
    }

    /// <summary>Enum values as the API spells them: kebab-case ("on-track", "no-response").</summary>
    public static string Name<T>(T value) where T : struct, Enum => KindNames.Of(value);
}

internal sealed record StepStateView(
    string Id,
    IReadOnlyDictionary<string, string> Title,
    string Kind,
    string Owner,
    IReadOnlyList<string> After,
    string Status,
    DateOnly? ActivatedOn,
    DateOnly? CompletedOn,
    int? ElapsedDays,
    int BenchmarkDays,
    string? State,
    string? Note,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<InvitationView>? Invitations,
    IReadOnlyList<StepRound> Rounds)
{
    public static StepStateView From(ProcessStep s, ProcessDefinition d, DateOnly today, DayRuler ruler)
    {
        var definition = d.FindStep(s.StepId)!;
        return new StepStateView(s.StepId, definition.Title.Values, KindNames.Of(definition.Kind), definition.OwnerBodyId, definition.After,
            ProcessView.Name(s.Status), s.ActivatedOn, s.CompletedOn, s.ElapsedDays(today, ruler), s.BenchmarkDays,
            s.State(today, ruler) is { } state ? ProcessView.Name(state) : null, s.Note, s.Evidence,
            definition.Kind == StepKind.Invitations
                ? definition.Invitees.Select(b => InvitationView.From(b, s.Invitations.FirstOrDefault(i => i.BodyId == b), d)).ToList()
                : null,
            s.Rounds);
    }
}

/// <summary>One invited body; before the step opens, its invitation is shown as not yet sent.</summary>
internal sealed record InvitationView(
    string BodyId,
    IReadOnlyDictionary<string, string> BodyName,
    string Status,
    DateOnly? SentOn,
    DateOnly? RespondedOn,
    Nominee? Nominee,
    string? Reason)
{
    public static InvitationView From(string bodyId, Invitation? i, ProcessDefinition d) => new(
        bodyId, d.FindBody(bodyId)!.Name.Values, i is null ? "not-sent" : ProcessView.Name(i.Status), i?.SentOn, i?.RespondedOn, i?.Nominee, i?.Reason);
}

internal sealed record AuditView(DateTime At, string User, string Action, string? StepId, string? BodyId, string? Before, string? After)
{
    public static AuditView From(AuditEntry a) => new(DateTime.SpecifyKind(a.At, DateTimeKind.Utc), a.User, a.Action, a.StepId, a.BodyId, a.Before, a.After);
}
