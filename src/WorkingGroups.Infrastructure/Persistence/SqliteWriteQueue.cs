using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// Saves to one SQLite file take turns in this process, in order, instead of meeting in SQLite. SQLite has one writer
/// at a time, and a writer that finds the file locked sleeps in its busy handler (1, 2, 5, 10 ms and more) without
/// being woken when the lock is free: at concurrency 8 that sleeping left a third of the CPU idle and made the tail of
/// the completion latency (docs/performance-log.md, sixth pass). Here the next save starts the moment the one before it ends.
/// A save inside an explicit transaction does not queue: that transaction may already hold SQLite's lock, and waiting
/// here for a save that waits in SQLite for it would stall both. Other writers (raw commands, another process) still
/// meet SQLite's busy handler, as before.
/// </summary>
internal static class SqliteWriteQueue
{
    /// <summary>One turn per database file, found by the connection string the context was given.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim?> ByConnectionString = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ByFile = new(StringComparer.Ordinal);

    public static async Task<int> SaveAsync(DbContext db, Func<Task<int>> save, CancellationToken cancellationToken)
    {
        if (TurnOf(db) is not { } turn) return await save();
        await turn.WaitAsync(cancellationToken);
        try
        {
            return await save();
        }
        finally
        {
            turn.Release();
        }
    }

    public static int Save(DbContext db, Func<int> save)
    {
        if (TurnOf(db) is not { } turn) return save();
        turn.Wait();
        try
        {
            return save();
        }
        finally
        {
            turn.Release();
        }
    }

    private static SemaphoreSlim? TurnOf(DbContext db)
    {
        if (!db.Database.IsSqlite() || db.Database.CurrentTransaction is not null) return null;
        // A database in memory belongs to its one connection: there is nobody to take turns with.
        return ByConnectionString.GetOrAdd(db.Database.GetConnectionString() ?? "", cs =>
            new SqliteConnectionStringBuilder(cs).DataSource is { Length: > 0 } file && file != ":memory:"
                ? ByFile.GetOrAdd(Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1))
                : null);
    }
}
