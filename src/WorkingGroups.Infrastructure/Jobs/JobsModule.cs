using System.Linq.Expressions;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;

namespace WorkingGroups.Infrastructure.Jobs;

internal static class JobsModule
{
    /// <summary>
    /// Hangfire beside the database (<see cref="JobStore"/>) and its server, configured by the <c>Reminders</c> section;
    /// the recurring sweeps the features declare with <see cref="AddSweep{TJob}"/>.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        if (!services.FirstTime<JobStorage>()) return services;
        services.AddPersistence();
        services.AddSingleton(sp => ReminderOptions.Read(sp.GetRequiredService<IConfiguration>()));
        // Our own storage instance and job activator: Hangfire's defaults are the statics JobStorage.Current and
        // JobActivator.Current, which every host sets as it configures Hangfire. With several hosts in one process (the
        // tests), a server took the activator of a host configured after it, and ran this host's jobs against that
        // host's database and clock.
        services.AddSingleton(JobStore);
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
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
        services.AddHostedService<ScheduleSweeps>();
        return services;
    }

    /// <summary>
    /// A sweep run through Hangfire: recurring on the <c>Reminders:SweepInterval</c>, and once at start-up, which
    /// catches up with what fell due while the app was stopped.
    /// </summary>
    public static IServiceCollection AddSweep<TJob>(this IServiceCollection services, string id, Expression<Func<TJob, Task>> run)
        where TJob : class
    {
        services.AddJobs();
        services.AddTransient<TJob>();
        services.AddSingleton(new Sweep(id, (recurring, cron) => recurring.AddOrUpdate(id, run, cron), jobs => jobs.Enqueue(run)));
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
}

/// <summary>A recurring sweep: how to schedule it and how to run it once now.</summary>
internal sealed record Sweep(string Id, Action<IRecurringJobManager, string> Schedule, Action<IBackgroundJobClient> RunOnce);

/// <summary>Once the app has started (the database is migrated): schedules every sweep and runs each one now.</summary>
internal sealed class ScheduleSweeps(IEnumerable<Sweep> sweeps, IRecurringJobManager recurring, IBackgroundJobClient jobs, ReminderOptions options)
    : AfterStart
{
    protected override void Run()
    {
        foreach (var sweep in sweeps)
        {
            sweep.Schedule(recurring, options.SweepCron());
            sweep.RunOnce(jobs);
        }
    }
}
