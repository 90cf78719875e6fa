using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// Scenario 2, the peer: WorkflowCore on its own, as its users run it (AddWorkflow with its default in-memory store),
/// running the same DAG as the app's Kazakh definition with trivial step bodies (<see cref="PeerWorkflow"/>): no
/// database, no HTTP, none of our services. Its defaults are changed only where they would make the peer measure
/// waiting rather than work: a queue its consumers wait on (<see cref="PeerQueue"/>) and a lock that waits
/// (<see cref="PeerLocks"/>). A completion publishes the step's event and returns once the steps after it are open.
/// </summary>
public sealed class EnginePeer : IProcessDriver, IWalkedInTurns, IAsyncDisposable
{
    public const string DefinitionId = "kz-establishment";

    /// <summary>Far beyond any completion here; reaching it means the engine lost the instance.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly PeerWorkflow _workflow;
    private readonly PeerProgress _progress;
    private readonly Dictionary<int, List<WalkRun>> _runs = [];
    private ServiceProvider _engine = null!;
    private IWorkflowHost _host = null!;

    private EnginePeer(ProcessDefinition definition)
    {
        _workflow = new PeerWorkflow(definition);
        _progress = new PeerProgress(definition);
    }

    public static async Task RunAsync(Settings settings, Results results)
    {
        await using var peer = await StartAsync(settings);
        await StepWalk.WarmUpAsync(peer, settings.WarmUp);
        await peer.WalkAloneAsync(settings, results);
    }

    public static async Task<EnginePeer> StartAsync(Settings settings)
    {
        var peer = new EnginePeer(LoadDefinition(settings));
        await peer.StartEngineAsync();
        return peer;
    }

    /// <summary>
    /// A new WorkflowCore host on a new, empty store. Its memory store (meant for demos and tests) keeps every instance
    /// and event it was ever given in lists that it scans on each read, so the cost of a step grew with the walks
    /// before it: at concurrency 8 on one store, 2.4 ms of CPU per step over the first ten repetitions and 7.1 ms over
    /// the last ten of forty; with a fresh store for each, 1.5 to 1.8 ms throughout. The code stays compiled.
    /// </summary>
    private async Task StartEngineAsync()
    {
        var services = new ServiceCollection();
        // The engine's warnings and errors show in the run's output: a failing step body must not pass for a slow one.
        services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(_progress);
        services.AddTransient<JoinStep>();
        services.AddTransient<CloseStep>();
        services.AddWorkflow(options =>
        {
            options.UseQueueProvider(_ => new PeerQueue());
            options.UseDistributedLockManager(_ => new PeerLocks());
            // Nobody searches or listens here; WorkflowCore would otherwise index every instance after each pass.
            options.EnableIndexes = false;
            options.EnableLifeCycleEventsPublisher = false;
        });
        _engine = services.BuildServiceProvider();
        _engine.GetRequiredService<IWorkflowRegistry>().RegisterWorkflow(_workflow);
        _host = _engine.GetRequiredService<IWorkflowHost>();
        await _host.StartAsync(CancellationToken.None);
    }

    private async Task StopEngineAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        await _engine.DisposeAsync();
    }

    /// <summary>The definition the app runs, read by the Core's own loader from the repository's workflows/ folder.</summary>
    private static ProcessDefinition LoadDefinition(Settings settings)
    {
        var loaded = DefinitionLoader.LoadFolder(Path.Combine(settings.RepositoryRoot, "workflows"));
        if (!loaded.IsValid) throw new InvalidOperationException("workflows/ does not load: " + string.Join("; ", loaded.Errors));
        return new DefinitionCatalog(loaded.Definitions).Find(DefinitionId, 1) ?? throw new InvalidOperationException($"no {DefinitionId} version 1 in workflows/");
    }

    public async Task<(Guid Id, IReadOnlyList<string> Active)> StartAsync()
    {
        var id = Guid.NewGuid();
        var opened = _progress.Expect(id, null);
        await _host.StartWorkflow(_workflow.Id, _workflow.Version, new PeerData { ProcessId = id, StartedAt = DateTime.UtcNow });
        return (id, await Within(opened, id));
    }

    public async Task<IReadOnlyList<string>> CompleteAsync(Guid processId, string stepId)
    {
        var settled = _progress.Expect(processId, stepId);
        await _host.PublishEvent(PeerWorkflow.StepCompleted, PeerWorkflow.Key(processId, stepId), null);
        return await Within(settled, processId);
    }

    private static async Task<IReadOnlyList<string>> Within(Task<IReadOnlyList<string>> answer, Guid processId)
    {
        try
        {
            return await answer.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"WorkflowCore did not move instance {processId} on within {Patience.TotalSeconds:0} s");
        }
    }

    public async Task WalkAsync(Settings settings, int clients, bool measured)
    {
        // Every repetition on a store of its own (see StartEngineAsync), started before the walk's clock.
        await StopEngineAsync();
        await StartEngineAsync();
        var run = await StepWalk.RunAsync(this, clients, settings.ProcessesPerClient(clients));
        if (measured) (_runs.TryGetValue(clients, out var runs) ? runs : _runs[clients] = []).Add(run);
    }

    public void AddRows(Results results, int clients)
    {
        var runs = _runs.GetValueOrDefault(clients, []);
        results.Add("2 peer", $"steps advanced per second, concurrency {clients}", Measure.Median(runs.Select(r => r.PerSecond)), "/s", "WorkflowCore in memory");
        foreach (var p in new[] { 50, 95 })
            results.Add("2 peer", $"p{p} latency, concurrency {clients}", Measure.Median(runs.Select(r => Measure.Percentile(r.LatenciesMs, p))), "ms");
    }

    public ValueTask DisposeAsync() => new(StopEngineAsync());
}
