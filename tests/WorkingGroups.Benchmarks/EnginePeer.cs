using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Engine;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// Scenario 2, the peer: WorkflowCore's own in-memory runtime (AddWorkflow with its default memory persistence) running
/// the very workflows our adapter builds (WorkflowFactory) with our step bodies. Only the engine's persistence differs
/// from the app: our lock provider, queue and poll interval are kept (EngineModule.AddEngineRuntime), and the process projection the step bodies read and
/// write lives on a RAM-backed file (/dev/shm), so no write here waits for a disk.
/// </summary>
public sealed class EnginePeer : IProcessDriver, IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly ProcessService _processes;
    private readonly IWorkflowHost _host;
    private readonly IDbContextFactory<AppDbContext> _contexts;
    private readonly ProcessSignals _signals;
    private readonly InstanceWake _wake;
    private readonly DefinitionVersions _versions;

    private EnginePeer(ServiceProvider services)
    {
        _services = services;
        _processes = services.GetRequiredService<ProcessService>();
        _host = services.GetRequiredService<IWorkflowHost>();
        _contexts = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        _signals = services.GetRequiredService<ProcessSignals>();
        _wake = services.GetRequiredService<InstanceWake>();
        _versions = services.GetRequiredService<DefinitionVersions>();
    }

    public static async Task RunAsync(Settings settings, Results results)
    {
        await using var peer = await StartAsync(settings);
        await StepWalk.WarmUpAsync(peer, settings.WarmUp);
        foreach (var clients in settings.Concurrencies)
            Add(results, clients, await Measure.RepeatAsync(1, settings.Repetitions, _ => StepWalk.RunAsync(peer, clients, settings.ProcessesPerClient(clients))));
    }

    /// <summary>The peer's rows for one concurrency, from its repetitions.</summary>
    public static void Add(Results results, int clients, IReadOnlyList<WalkRun> runs)
    {
        results.Add("2 peer", $"steps advanced per second, concurrency {clients}", Measure.Median(runs.Select(r => r.PerSecond)), "/s", "in-memory engine");
        foreach (var p in new[] { 50, 95 })
            results.Add("2 peer", $"p{p} latency, concurrency {clients}", Measure.Median(runs.Select(r => Measure.Percentile(r.LatenciesMs, p))), "ms");
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<EnginePeer> StartAsync(Settings settings)
    {
        var ram = Directory.Exists("/dev/shm") ? "/dev/shm" : settings.WorkFolder;
        var provider = await InProcessServices.StartAsync(settings, Path.Combine(ram, $"wg-bench-peer-{Guid.NewGuid():N}"), [], services =>
        {
            services.AddEngineRuntime(); // the app's engine settings, with WorkflowCore's default in-memory persistence
            services.AddProcesses();
        });
        await provider.GetRequiredService<EngineHost>().StartAsync(CancellationToken.None);
        return new EnginePeer(provider);
    }

    public async Task<(Guid Id, IReadOnlyList<string> Active)> StartAsync()
    {
        var process = await _processes.StartAsync(new StartProcess("kz-establishment", null, Today.AddDays(-30), null), "bench", CancellationToken.None);
        return (process.Id, ActiveSteps(process));
    }

    /// <summary>
    /// What ProcessService.CompleteStepAsync does, minus the durable mark on the instance's row: the step is recorded
    /// done, the instance is queued (InstanceWake), and the answer waits until the next steps are open.
    /// </summary>
    public async Task<IReadOnlyList<string>> CompleteAsync(Guid processId, string stepId)
    {
        string instanceId;
        var pulse = _signals.Next(processId); // taken before the commit, as ProcessService does
        await using (var db = await _contexts.CreateDbContextAsync())
        {
            var process = await db.Processes.Include(p => p.Steps).ThenInclude(s => s.Invitations).AsSplitQuery().SingleAsync(p => p.Id == processId);
            var step = process.Step(stepId)!;
            step.Status = StepStatus.Done;
            step.CompletedOn = Today;
            step.Version = Guid.NewGuid();
            foreach (var invitation in step.Invitations.Where(i => i.Status == InvitationStatus.Pending))
            {
                invitation.Status = InvitationStatus.NoResponse;
                invitation.Version = Guid.NewGuid();
            }
            await db.SaveChangesAsync();
            instanceId = process.EngineInstanceId!;
        }
        await _wake.QueueAsync(instanceId);

        // As ProcessService waits: the pulse's process when it shows the process settled, else a read after the next pulse.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await Task.WhenAny(pulse, Task.Delay(ProcessService.SettleSafetyPoll));
            if (pulse.IsCompletedSuccessfully && IsSettled(pulse.Result)) return ActiveSteps(pulse.Result);
            pulse = _signals.Next(processId);
            var process = (await _processes.FindAsync(processId, CancellationToken.None))!;
            if (IsSettled(process)) return ActiveSteps(process);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the in-memory engine did not move process {processId} on");
        }
    }

    private bool IsSettled(Process process) => ProcessRules.IsSettled(process, _versions.Get(process.DefinitionId, process.DefinitionVersion));

    private static List<string> ActiveSteps(Process process) =>
        process.Steps.Where(s => s.Status == StepStatus.Active).OrderBy(s => s.Order).Select(s => s.StepId).ToList();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        var folder = DataFolder.Resolve(_services.GetRequiredService<IConfiguration>());
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
