using Microsoft.Extensions.Configuration;
using WorkingGroups.Infrastructure.Settings;

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
    public static ReminderOptions Read(IConfiguration configuration) => SettingsReader.Use(configuration, Read);

    public static ReminderOptions Read(SettingsReader read)
    {
        var storage = read.Text("Reminders:Storage") ?? "SQLite";
        if (!storage.Equals("SQLite", StringComparison.OrdinalIgnoreCase) && !storage.Equals("InMemory", StringComparison.OrdinalIgnoreCase))
        {
            read.Problem($"Reminders:Storage is \"{storage}\"; it must be SQLite (beside the database) or InMemory.");
            storage = "SQLite";
        }
        return new ReminderOptions(
            read.Duration("Reminders:SweepInterval", TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), TimeSpan.FromDays(1)),
            storage,
            read.Number("Reminders:LinkDays", 30, 1, 366),
            read.Number("Reminders:MaxAttempts", 5, 1, 100),
            read.Duration("Reminders:RetryDelay", TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            read.Duration("Reminders:PollInterval", TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
            read.Number("Reminders:Workers", 2, 1, 64),
            read.Address("App:BaseUrl", "http://localhost:5178").TrimEnd('/'));
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
