namespace WorkingGroups.Core.Reminders;

/// <summary>
/// Due: recorded, not yet handed to a job. Scheduled: a send job has it. Sending: a job claimed it. Sent: delivered to
/// the SMTP server. Failed: every attempt failed. Cancelled: no longer relevant before it went out (answered, completed, the meeting passed).
/// </summary>
public enum MailStatus { Due, Scheduled, Sending, Sent, Failed, Cancelled }
