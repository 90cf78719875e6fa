using WorkingGroups.Infrastructure.Engine;

namespace WorkingGroups.IntegrationTests.Engine;

/// <summary>The single-node engine lock: one holder per instance, a brief wait for the next, nothing kept once all are done.</summary>
public sealed class WaitingLockProviderTests
{
    [Fact]
    public async Task The_locks_of_finished_runs_are_not_kept()
    {
        var locks = new WaitingLockProvider();
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(await locks.AcquireLock($"instance-{i}", CancellationToken.None));
            await locks.ReleaseLock($"instance-{i}");
        }
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task A_second_caller_waits_for_the_holder_and_gets_the_lock_when_it_is_released()
    {
        var locks = new WaitingLockProvider();
        Assert.True(await locks.AcquireLock("instance", CancellationToken.None));
        var second = locks.AcquireLock("instance", CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        Assert.Equal(1, locks.Count);

        await locks.ReleaseLock("instance");
        Assert.True(await second);
        Assert.Equal(1, locks.Count); // the second caller holds it now
        await locks.ReleaseLock("instance");
        await locks.ReleaseLock("instance"); // a release while nobody holds it changes nothing
        Assert.Equal(0, locks.Count);
        Assert.True(await locks.AcquireLock("instance", CancellationToken.None));
    }

    [Fact]
    public async Task A_caller_that_gives_up_waiting_leaves_the_holder_alone_and_nothing_behind()
    {
        var locks = new WaitingLockProvider();
        Assert.True(await locks.AcquireLock("instance", CancellationToken.None));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        Assert.False(await locks.AcquireLock("instance", cancelled.Token));

        var third = locks.AcquireLock("instance", CancellationToken.None);
        Assert.False(third.IsCompleted); // still held by the first
        await locks.ReleaseLock("instance");
        Assert.True(await third);
        await locks.ReleaseLock("instance");
        Assert.Equal(0, locks.Count);
    }
}
