using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Reminders;

public static class RemindersModule
{
    /// <summary>
    /// Hangfire on a SQLite file of its own (hangfire.db in the data folder; InMemory for tests), a recurring sweep,
    /// MailKit, and Data Protection keys kept in the data folder so answer links survive a restart.
    /// </summary>
    public static IServiceCollection AddReminderServices(this IServiceCollection services)
    {
        services.AddSingleton(sp => ReminderOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => SmtpOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddDataProtection().SetApplicationName("WorkingGroups");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(DataFolder.Resolve(sp.GetRequiredService<IConfiguration>()), "keys")),
                sp.GetRequiredService<ILoggerFactory>())));
        services.AddSingleton<AnswerLinks>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<MailDelivery>();
        services.AddSingleton<ReminderDispatcher>();
        services.AddSingleton<ReminderSweep>();
        services.AddSingleton<ReminderService>();
        services.AddTransient<ReminderJob>();
        services.AddTransient<ReminderSweepJob>();
        services.AddSingleton<Digests>();
        services.AddTransient<DigestJob>();

        // Our own storage instance, registered before AddHangfire: Hangfire's default is the static JobStorage.Current,
        // which parallel test hosts would overwrite.
        services.AddSingleton<JobStorage>(sp =>
        {
            var options = sp.GetRequiredService<ReminderOptions>();
            if (options.Storage.Equals("InMemory", StringComparison.OrdinalIgnoreCase)) return new InMemoryStorage();
            var file = Path.Combine(DataFolder.Resolve(sp.GetRequiredService<IConfiguration>()), "hangfire.db");
            return new SQLiteStorage(file, new SQLiteStorageOptions { QueuePollInterval = options.PollInterval });
        });
        services.AddHostedService<LeftoverReminders>(); // before the Hangfire server, so that no job of this run has claimed one yet
        services.AddHangfire(c => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((sp, o) =>
        {
            var options = sp.GetRequiredService<ReminderOptions>();
            o.WorkerCount = options.Workers;
            o.SchedulePollingInterval = options.PollInterval;
            o.Queues = ["default"];
            // This host's activator: the static JobActivator.Current is the last host's, so a job could run against another host's services.
            o.Activator = sp.GetRequiredService<JobActivator>();
        });
        services.AddHostedService<ReminderStartup>();
        return services;
    }
}

/// <summary>Runs a sweep through Hangfire (a recurring job per the configured interval, and once at start-up).</summary>
public sealed class ReminderSweepJob(ReminderSweep sweep)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public Task RunAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}

/// <summary>Releases the reminders a killed run left claimed (see <see cref="MailDelivery.ReleaseLeftoversAsync{TMail}"/>).</summary>
internal sealed class LeftoverReminders(MailDelivery delivery, ILogger<LeftoverReminders> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var released = await delivery.ReleaseLeftoversAsync<Core.Reminders.Reminder>(cancellationToken);
        if (released > 0) logger.LogWarning("{Count} reminders left unfinished by the previous run are due again", released);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Registered after the start-up tasks (so the database is migrated): warns when SMTP is missing, schedules the
/// recurring sweep and runs one now, which sends what fell due while the app was stopped.
/// </summary>
internal sealed class ReminderStartup(
    IRecurringJobManager recurring,
    IBackgroundJobClient jobs,
    ReminderOptions options,
    SmtpOptions smtp,
    ILogger<ReminderStartup> logger) : IHostedService
{
    public const string SweepJobId = "reminders-sweep";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!smtp.IsConfigured)
            logger.LogWarning("Smtp:Host is not set: reminders are recorded as due, but no e-mail is sent until SMTP is configured");
        recurring.AddOrUpdate<ReminderSweepJob>(SweepJobId, job => job.RunAsync(CancellationToken.None), options.SweepCron());
        jobs.Enqueue<ReminderSweepJob>(job => job.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
