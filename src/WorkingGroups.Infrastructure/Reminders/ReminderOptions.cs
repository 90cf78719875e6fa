using Microsoft.Extensions.Configuration;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>The <c>Reminders</c> section, plus <c>App:BaseUrl</c> for the links in e-mails.</summary>
public sealed record ReminderOptions(
    TimeSpan SweepInterval,
    string Storage,
    int LinkDays,
    int MaxAttempts,
    TimeSpan RetryDelay,
    TimeSpan PollInterval,
    int Workers,
    string BaseUrl)
{
    public static ReminderOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Reminders");
        return new ReminderOptions(
            section.GetValue("SweepInterval", TimeSpan.FromHours(1)),
            section.GetValue("Storage", "SQLite")!,
            section.GetValue("LinkDays", 30),
            section.GetValue("MaxAttempts", 5),
            section.GetValue("RetryDelay", TimeSpan.FromMinutes(5)),
            section.GetValue("PollInterval", TimeSpan.FromSeconds(15)),
            section.GetValue("Workers", 2),
            (configuration["App:BaseUrl"] is { Length: > 0 } url ? url : "http://localhost:5178").TrimEnd('/'));
    }

    /// <summary>
    /// How long an e-mail may sit claimed or handed to a job before it is handed out again: its job was lost (a crash,
    /// jobs in memory). Longer than a retry's wait, so a pending retry is never doubled.
    /// </summary>
    public TimeSpan StaleAfter => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMinutes(10).Ticks, RetryDelay.Ticks * 2));

    /// <summary>Hangfire schedules by cron: whole minutes below an hour, whole hours below a day, else daily.</summary>
    public string SweepCron() => SweepInterval switch
    {
        { TotalMinutes: < 60 } i => $"*/{Math.Max(1, (int)i.TotalMinutes)} * * * *",
        { TotalHours: < 24 } i => $"0 */{(int)i.TotalHours} * * *",
        _ => "0 6 * * *",
    };
}

public enum SmtpSecurity { None, StartTls, SslOnConnect }

/// <summary>The <c>Smtp</c> section. Without a Host nothing is sent and reminders stay due.</summary>
public sealed record SmtpOptions(string? Host, int Port, SmtpSecurity Security, string? UserName, string? Password, string From, TimeSpan Timeout)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public static SmtpOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Smtp");
        return new SmtpOptions(
            section["Host"],
            section.GetValue("Port", 25),
            section.GetValue("Security", SmtpSecurity.StartTls),
            section["UserName"],
            section["Password"],
            section["From"] is { Length: > 0 } from ? from : "workinggroups@localhost",
            section.GetValue("Timeout", TimeSpan.FromSeconds(30)));
    }
}
