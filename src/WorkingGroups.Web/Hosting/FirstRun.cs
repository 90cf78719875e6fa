using WorkingGroups.Infrastructure.Samples;

namespace WorkingGroups.Web.Hosting;

/// <summary>What a start does once the engine runs: the first Admin on a database without users, then the samples.</summary>
internal sealed class FirstRun(IServiceScopeFactory scopes, SampleLoader samples, IConfiguration configuration, ILogger<FirstRun> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using (var scope = scopes.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<FirstAdmin>().EnsureAsync(cancellationToken);
        }
        if (!SamplesSettings.Load(configuration)) return;
        if (SamplesSettings.Folder(configuration) is not { } folder)
        {
            logger.LogWarning("No samples folder found (set {Key}); starting without samples", SamplesSettings.FolderKey);
            return;
        }
        await samples.LoadAsync(folder, cancellationToken);
    }
}
