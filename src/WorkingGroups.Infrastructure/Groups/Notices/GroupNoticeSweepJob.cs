using Hangfire;

namespace WorkingGroups.Infrastructure.Groups.Notices;

/// <summary>Runs the group sweep through Hangfire: recurring on the reminders' interval, and once at start-up.</summary>
internal sealed class GroupNoticeSweepJob(GroupNoticeSweep sweep)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public Task RunAsync(CancellationToken cancellationToken) => sweep.RunAsync(cancellationToken);
}
