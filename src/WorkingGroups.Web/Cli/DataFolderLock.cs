using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Web.Cli;

/// <summary>
/// The running app holds <c>app.lock</c> in its data folder (an OS file lock, released even by kill -9), so that
/// <c>restore</c> can tell that the app is running there and refuse to overwrite its database under it.
/// </summary>
public sealed class DataFolderLock(IConfiguration configuration, ILogger<DataFolderLock> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public static string FileIn(string dataFolder) => Path.Combine(dataFolder, "app.lock");

    /// <summary>The lock, or null when another process holds it.</summary>
    public static FileStream? TryTake(string dataFolder)
    {
        try
        {
            return new FileStream(FileIn(dataFolder), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = TryTake(DataFolder.Resolve(configuration));
        // Not fatal: test hosts may overlap on one folder; a second real app process is warned against in the README.
        if (_lock is null) logger.LogWarning("Another process holds the data folder's lock: run one app process per data folder");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
