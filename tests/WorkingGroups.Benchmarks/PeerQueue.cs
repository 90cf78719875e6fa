using System.Threading.Channels;
using WorkflowCore.Interface;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// The peer's one change to WorkflowCore's defaults, through its own extension point (UseQueueProvider). The default
/// single-node queue answers "empty" at once and its consumers then sleep the idle time (100 ms) before asking again,
/// so every hop of a completion (the event, then each pass of the workflow) would wait for that sleep, and the peer
/// would measure the sleeps rather than the engine. Here a consumer waits on the queue and is woken by the work.
/// </summary>
public sealed class PeerQueue : IQueueProvider
{
    private readonly Dictionary<QueueType, Channel<string>> _queues =
        Enum.GetValues<QueueType>().ToDictionary(q => q, _ => Channel.CreateUnbounded<string>());

    public bool IsDequeueBlocking => true;

    public Task QueueWork(string id, QueueType queue)
    {
        // Every pass queues its instance for the search index; with indexes off nobody would ever take it.
        if (queue != QueueType.Index) _queues[queue].Writer.TryWrite(id);
        return Task.CompletedTask;
    }

    public async Task<string> DequeueWork(QueueType queue, CancellationToken cancellationToken)
    {
        try
        {
            return await _queues[queue].Reader.ReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null!; // the host is stopping; the consumer's loop sees its token and ends
        }
    }

    public Task Start() => Task.CompletedTask;

    public Task Stop() => Task.CompletedTask;

    public void Dispose() { }
}
