using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;

namespace WorkingGroups.Infrastructure.Samples;

/// <summary>One sample history, read and checked: the process to start and what happened to it, in order.</summary>
internal sealed record SampleHistory(string File, StartProcess Start, IReadOnlyList<SampleAction> Actions);

/// <summary>One recorded fact of a sample history; <see cref="Position"/> names it in messages ("actions[3]").</summary>
internal abstract record SampleAction(string Position, string StepId);

internal sealed record CompleteSampleStep(string Position, string StepId, CompleteStep Command) : SampleAction(Position, StepId);

internal sealed record AnswerSampleInvitation(string Position, string StepId, string BodyId, AnswerInvitation Command) : SampleAction(Position, StepId);

/// <summary>A reminder sent outside the app before the body answered, recorded through the reminder service.</summary>
internal sealed record RemindSampleInvitation(string Position, string StepId, RecordReminder Command) : SampleAction(Position, StepId);
