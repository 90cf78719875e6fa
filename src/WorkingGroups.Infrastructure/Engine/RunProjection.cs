using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Engine;

/// <summary>
/// The process as one engine run (<see cref="PassesInOneRun"/>) sees it: read once, by the first step body that needs
/// it, and shared by the bodies of all the run's passes (the wait that finds its step done, the joins it wakes, the
/// waits of the steps they open), which used to read the process and its steps again each. Each body still commits
/// its own change at once. Waiting requests are pulsed once, when the run ends, with the process as last committed:
/// a pulse hands over the object, and later bodies of the run would change it.
/// </summary>
public sealed class RunProjection : IAsyncDisposable
{
    private static readonly AsyncLocal<RunProjection?> Running = new();

    private readonly IDbContextFactory<AppDbContext> _contexts;
    private readonly ProcessSignals _signals;
    private AppDbContext? _db;
    private Process? _process;
    private Process? _committed;

    private RunProjection(IDbContextFactory<AppDbContext> contexts, ProcessSignals signals)
    {
        _contexts = contexts;
        _signals = signals;
    }

    /// <summary>The projection of the run this step body is part of.</summary>
    public static RunProjection Current => Running.Value
        ?? throw new InvalidOperationException("A step body ran outside PassesInOneRun, which gives each run its projection.");

    /// <summary>Starts the projection of a run, for the step bodies it calls; disposing it ends it.</summary>
    public static RunProjection Begin(IDbContextFactory<AppDbContext> contexts, ProcessSignals signals) =>
        Running.Value = new RunProjection(contexts, signals);

    /// <summary>The context the run's process is tracked in (changes to it are saved by <see cref="SaveAsync"/>).</summary>
    public async Task<AppDbContext> ContextAsync(CancellationToken cancellationToken) =>
        _db ??= await _contexts.CreateDbContextAsync(cancellationToken);

    /// <summary>The process, its steps in order with their invitations, tracked: read at the first call of the run.</summary>
    public async Task<Process> ProcessAsync(Guid processId, CancellationToken cancellationToken)
    {
        if (_process is { } known && known.Id == processId) return known;
        var db = await ContextAsync(cancellationToken);
        return _process = await ProcessService.WithSteps(db).SingleAsync(p => p.Id == processId, cancellationToken);
    }

    /// <summary>
    /// Commits what the body changed. A failed save leaves the context with changes it could not write: the projection
    /// starts again from the database for the next body, and nobody is pulsed with the process it had.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _db!.SaveChangesAsync(cancellationToken);
            _committed = _process;
        }
        catch
        {
            await ResetAsync();
            throw;
        }
    }

    private async Task ResetAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
        _db = null;
        _process = null;
        _committed = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (Running.Value == this) Running.Value = null;
        if (_committed is { } process) _signals.Pulse(process);
        await ResetAsync();
    }
}
