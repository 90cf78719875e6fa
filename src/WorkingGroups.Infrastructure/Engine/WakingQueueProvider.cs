using System.Threading.Channels;
using WorkflowCore.Interface;

namespace WorkingGroups.Infrastructure.Engine;

/// <summary>
/// The single-node work queue, but one whose consumers wait on it instead of polling it. WorkflowCore's own
/// in-memory queue answers "empty" at once, and its consumers then sleep the idle time (100 ms) before asking
/// again: every hop from a coordinator's event to the workflow that opens the next step waited on average half
/// of that. Here a consumer is woken the moment work is queued, and an idle engine costs nothing but a timer.
/// </summary>
public sealed class WakingQueueProvider : IQueueProvider
{
    /// <summary>How long a consumer waits for work before it lets the engine look at its own state again.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    private readonly Dictionary<QueueType, Channel<string>> _queues = Enum.GetValues<QueueType>()
        .ToDictionary(type => type, _ => Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleWriter = false }));

    public bool IsDequeueBlocking => true;

    public Task QueueWork(string id, QueueType queue)
    {
        // The engine queues every instance for indexing after each pass; without a search index nobody reads them.
        if (queue == QueueType.Index) return Task.CompletedTask;
        _queues[queue].Writer.TryWrite(id);
        return Task.CompletedTask;
    }

    public async Task<string> DequeueWork(QueueType queue, CancellationToken cancellationToken)
    {
        var reader = _queues[queue].Reader;
        if (reader.TryRead(out var ready)) return ready;
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(Wait);
        try
        {
            return await reader.ReadAsync(waiting.Token);
        }
        catch (OperationCanceledException)
        {
            return null!; // nothing queued within the wait, or the engine is stopping: the consumer's loop decides
        }
    }

    public Task Start() => Task.CompletedTask;

    public Task Stop() => Task.CompletedTask;

    public void Dispose() { }
}
