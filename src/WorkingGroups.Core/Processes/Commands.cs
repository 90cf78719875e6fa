namespace WorkingGroups.Core.Processes;

/// <summary>What a coordinator asks for; the same commands serve the API and the pages.</summary>
public sealed record StartProcess(string DefinitionId, int? Version, DateOnly StartedOn, string? Title);

public sealed record CompleteStep(DateOnly CompletedOn, string? Note, IReadOnlyList<Evidence>? Evidence);

public enum InvitationResponse { Accepted, Declined }

public sealed record AnswerInvitation(InvitationResponse Response, DateOnly RespondedOn, Nominee? Nominee, string? Reason);

/// <summary>A correction of what was recorded; null leaves a value as it is.</summary>
public sealed record CorrectStep(DateOnly? CompletedOn, string? Note, IReadOnlyList<Evidence>? Evidence);

public sealed record CancelProcess(DateOnly CancelledOn, string Reason);

/// <summary>A done step returned for revision on a date, with the reason (a ministry's comments on a draft).</summary>
public sealed record SendBackStep(DateOnly SentBackOn, string Reason);
