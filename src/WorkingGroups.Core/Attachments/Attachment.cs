namespace WorkingGroups.Core.Attachments;

/// <summary>What a document proves: a step's evidence, an agency's answer, a meeting (agenda, minutes), a Work Plan.</summary>
public enum OwnerKind { Step, Invitation, Meeting, WorkPlan }

/// <summary>
/// The thing a document belongs to. <see cref="Id"/> is the process (a step, an invitation) or the group (a meeting, a
/// Work Plan); <see cref="Key"/> names the part of it: the step id, "stepId/bodyId", or the meeting's or plan's id.
/// </summary>
public sealed record AttachmentOwner(OwnerKind Kind, Guid Id, string Key)
{
    public static AttachmentOwner OfStep(Guid processId, string stepId) => new(OwnerKind.Step, processId, stepId);

    public static AttachmentOwner OfInvitation(Guid processId, string stepId, string bodyId) => new(OwnerKind.Invitation, processId, $"{stepId}/{bodyId}");

    public static AttachmentOwner OfMeeting(Guid groupId, Guid meetingId) => new(OwnerKind.Meeting, groupId, meetingId.ToString("D"));

    public static AttachmentOwner OfWorkPlan(Guid groupId, Guid planId) => new(OwnerKind.WorkPlan, groupId, planId.ToString("D"));

    /// <summary>The step an invitation or a step's document belongs to; null for a group's.</summary>
    public string? StepId => Kind switch { OwnerKind.Step => Key, OwnerKind.Invitation => Key.Split('/')[0], _ => null };

    public string? BodyId => Kind == OwnerKind.Invitation ? Key.Split('/')[1] : null;
}

/// <summary>
/// A document kept with what it proves: its fingerprint (SHA-256, hex), size, the type its content showed, the name it
/// was sent with, and who added it when. Its bytes are stored apart, in chunks, so neither upload nor download holds
/// the whole file in memory.
/// </summary>
public sealed class Attachment
{
    public Guid Id { get; set; }
    public OwnerKind OwnerKind { get; set; }
    public Guid OwnerId { get; set; }
    public required string OwnerKey { get; set; }
    public required string Name { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public int Chunks { get; set; }
    public required string AddedBy { get; set; }
    public DateTime AddedAt { get; set; }

    public AttachmentOwner Owner => new(OwnerKind, OwnerId, OwnerKey);
}
