using Hangfire;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>Runs a sweep through Hangfire (a recurring job per the configured interval, and once at start-up).</summary>
internal sealed class ReminderSweepJob(ReminderSweep sweep)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public Task RunAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}
