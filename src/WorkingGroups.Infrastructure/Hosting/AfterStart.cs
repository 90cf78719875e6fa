using Microsoft.Extensions.Hosting;

namespace WorkingGroups.Infrastructure.Hosting;

/// <summary>
/// Start-up work that need not hold up the first request: it runs once every hosted service has started, the web
/// server (which listens) included. Scheduling the sweeps took about a tenth of a second before the first answer.
/// </summary>
internal abstract class AfterStart : IHostedLifecycleService
{
    protected abstract void Run();

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        Run();
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
