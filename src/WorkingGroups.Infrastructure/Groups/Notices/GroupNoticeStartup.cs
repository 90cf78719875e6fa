using Hangfire;
using WorkingGroups.Infrastructure.Reminders;

namespace WorkingGroups.Infrastructure.Groups.Notices;

/// <summary>Runs the group sweep through Hangfire: recurring on the reminders' interval, and once at start-up.</summary>
public sealed class GroupNoticeSweepJob(GroupNoticeSweep sweep)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public Task RunAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}

/// <summary>Once the app has started (the database is migrated), like the reminders' start-up.</summary>
internal sealed class GroupNoticeStartup(IRecurringJobManager recurring, IBackgroundJobClient jobs, ReminderOptions options) : AfterStart
{
    public const string SweepJobId = "groups-sweep";

    protected override void Run()
    {
        recurring.AddOrUpdate<GroupNoticeSweepJob>(SweepJobId, job => job.RunAsync(CancellationToken.None), options.SweepCron());
        jobs.Enqueue<GroupNoticeSweepJob>(job => job.RunAsync(CancellationToken.None));
    }
}
