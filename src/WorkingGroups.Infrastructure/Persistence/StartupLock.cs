using Npgsql;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// One app instance at a time does the start-up work (migrate, publish definition versions, the first Admin, the
/// samples): two instances starting together on one PostgreSQL database would otherwise both see it empty. SQLite
/// has one app process per data folder, so there it is free.
/// </summary>
public sealed class StartupLock(DatabaseOptions database)
{
    private sealed class Free : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    // Not pooled: the held connection is closed, not handed back to a pool, when the work is done.
    private readonly Lazy<NpgsqlDataSource> _source = new(() =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }));

    public async Task<IAsyncDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        if (!database.IsPostgres) return new Free();
        return await AdvisoryLock.TakeAsync(_source.Value, "workinggroups:start-up", cancellationToken);
    }
}
