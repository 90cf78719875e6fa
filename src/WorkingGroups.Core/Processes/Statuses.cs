namespace WorkingGroups.Core.Processes;

public enum ProcessStatus { Active, Established, Cancelled }

/// <summary>Blocked: waits for earlier steps. Active: the engine opened it. Done: its completion is recorded.</summary>
public enum StepStatus { Blocked, Active, Done }

/// <summary>NoResponse: the coordinator closed the invitations with this body's answer missing.</summary>
public enum InvitationStatus { Pending, Accepted, Declined, NoResponse }

public enum BenchmarkState { OnTrack, AtRisk, Overdue }
