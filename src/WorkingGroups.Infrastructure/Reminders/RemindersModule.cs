using WorkingGroups.Infrastructure.Attention;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
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
    /// Hangfire beside the database (<see cref="JobStore"/>), a recurring sweep, MailKit, and Data Protection keys kept
    /// so that answer links survive a restart (<see cref="KeyStore"/>).
    /// </summary>
    public static IServiceCollection AddReminderServices(this IServiceCollection services)
    {
        services.AddSingleton(sp => ReminderOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => SmtpOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddDataProtection().SetApplicationName("WorkingGroups");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = KeyStore(sp)));
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
        services.AddAttention(); // the digest lists what is due about the groups, as the home page does
        services.AddSingleton<AnswerNotices>();
        services.AddTransient<AnswerNoticeJob>();

        // Our own storage instance and job activator, registered before AddHangfire: Hangfire's defaults are the statics
        // JobStorage.Current and JobActivator.Current, which every host sets as it configures Hangfire. With several hosts
        // in one process (the tests), a server took the activator of a host configured after it, and ran this host's
        // jobs against that host's database and clock.
        services.AddSingleton(JobStore);
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
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
            o.Activator = sp.GetRequiredService<JobActivator>(); // this host's (above), not the static one
        });
        services.AddHostedService<ReminderStartup>();
        return services;
    }

    /// <summary>
    /// Hangfire's jobs live beside the app's state: a SQLite file of their own next to the database (one app process),
    /// or a schema of the PostgreSQL database, which lets several app instances share the work. InMemory for tests.
    /// </summary>
    private static JobStorage JobStore(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<ReminderOptions>();
        if (options.Storage.Equals("InMemory", StringComparison.OrdinalIgnoreCase)) return new InMemoryStorage();
        var database = sp.GetRequiredService<DatabaseOptions>();
        if (database.IsPostgres)
        {
            var postgres = new PostgreSqlStorageOptions { QueuePollInterval = options.PollInterval, SchemaName = "hangfire" };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, postgres), postgres);
        }
        var file = Path.Combine(DataFolder.Resolve(sp.GetRequiredService<IConfiguration>()), "hangfire.db");
        return new SQLiteStorage(file, new SQLiteStorageOptions { QueuePollInterval = options.PollInterval });
    }

    /// <summary>
    /// The Data Protection keys that sign answer links and cookies, kept so that they survive a restart: in the data
    /// folder on SQLite, in the database on PostgreSQL, where every app instance must read the same keys.
    /// </summary>
    private static IXmlRepository KeyStore(IServiceProvider sp)
    {
        if (sp.GetRequiredService<DatabaseOptions>().IsPostgres) return new EntityFrameworkCoreXmlRepository<AppDbContext>(sp, sp.GetRequiredService<ILoggerFactory>());
        return new FileSystemXmlRepository(
            new DirectoryInfo(Path.Combine(DataFolder.Resolve(sp.GetRequiredService<IConfiguration>()), "keys")),
            sp.GetRequiredService<ILoggerFactory>());
    }
}

/// <summary>Runs a sweep through Hangfire (a recurring job per the configured interval, and once at start-up).</summary>
public sealed class ReminderSweepJob(ReminderSweep sweep)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public Task RunAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}

/// <summary>
/// Releases the e-mail a killed run left claimed: reminders, group notices, digests and answer notices (see
/// <see cref="MailDelivery.ReleaseLeftoversAsync{TMail}"/>).
/// </summary>
internal sealed class LeftoverReminders(MailDelivery delivery, DatabaseOptions database, ILogger<LeftoverReminders> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // On PostgreSQL another instance may be sending right now: its claims are not leftovers. There a claim of a
        // dead instance is handed out again once it is stale (ReminderOptions.StaleAfter).
        if (database.IsPostgres) return;
        var released = await delivery.ReleaseLeftoversAsync<Core.Reminders.Reminder>(cancellationToken)
            + await delivery.ReleaseLeftoversAsync<Core.Groups.GroupNotice>(cancellationToken)
            + await delivery.ReleaseLeftoversAsync<Core.Reminders.Digest>(cancellationToken)
            + await delivery.ReleaseLeftoversAsync<Core.Reminders.AnswerNotice>(cancellationToken);
        if (released > 0) logger.LogWarning("{Count} e-mails left unfinished by the previous run are due again", released);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Once the app has started (the database is migrated): warns when SMTP is missing, schedules the recurring sweep and
/// runs one now, which sends what fell due while the app was stopped.
/// </summary>
internal sealed class ReminderStartup(
    IRecurringJobManager recurring,
    IBackgroundJobClient jobs,
    ReminderOptions options,
    SmtpOptions smtp,
    ILogger<ReminderStartup> logger) : AfterStart
{
    public const string SweepJobId = "reminders-sweep";

    protected override void Run()
    {
        if (!smtp.IsConfigured)
            logger.LogWarning("Smtp:Host is not set: reminders are recorded as due, but no e-mail is sent until SMTP is configured");
        recurring.AddOrUpdate<ReminderSweepJob>(SweepJobId, job => job.RunAsync(CancellationToken.None), options.SweepCron());
        jobs.Enqueue<ReminderSweepJob>(job => job.RunAsync(CancellationToken.None));
    }
}
