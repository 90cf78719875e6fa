using System.Collections.Concurrent;
using Npgsql;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// Work that one app instance at a time must do, by name: the start-up work (migrate, publish definition versions,
/// the first Admin, the samples), which two instances starting together on one PostgreSQL database would otherwise
/// both do on an empty database, and handing reminders to send jobs. On PostgreSQL an advisory lock, shared by every
/// instance; on SQLite one process owns the data folder (<c>DataFolderLock</c>), so a lock in this process is enough.
/// </summary>
public sealed class SharedLock(DatabaseOptions database)
{
    public const string StartUp = "workinggroups:start-up";
    public const string ReminderDispatch = "workinggroups:reminder-dispatch";

    private sealed class Held(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            semaphore.Release();
            return ValueTask.CompletedTask;
        }
    }

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new();

    // Not pooled: the held connection is closed, not handed back to a pool, when the work is done.
    private readonly Lazy<NpgsqlDataSource> _source = new(() =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }));

    /// <summary>Waits until no other holder of <paramref name="name"/> is left; dispose the result to let the next one in.</summary>
    public async Task<IAsyncDisposable> TakeAsync(string name, CancellationToken cancellationToken)
    {
        if (database.IsPostgres) return await AdvisoryLock.TakeAsync(_source.Value, name, cancellationToken);
        var semaphore = _local.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        return new Held(semaphore);
    }
}
