using System.Diagnostics;
using System.Globalization;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Web.Cli;

namespace WorkingGroups.Web.Hosting;

/// <summary>
/// One process owns a data folder: it holds <c>app.lock</c> there (an OS file lock, released even by kill -9) from
/// the moment its services are built, before the log file or the database is touched. A second app on the folder
/// would release the first one's mail claims and run its own sweep; <c>restore</c> and <c>migrate</c> would change
/// the database under it. Who holds the lock is written beside it, in <c>app.lock.holder</c>: the lock file itself
/// cannot be read by another .NET process while it is held.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private FileStream? _lock;

    private DataFolderLock(string folder, FileStream? held)
    {
        Folder = folder;
        _lock = held;
    }

    public string Folder { get; }

    /// <summary>False when another process held the lock as this one tried to take it.</summary>
    public bool IsHeld => _lock is not null;

    public static string FileIn(string dataFolder) => Path.Combine(dataFolder, "app.lock");

    private static string HolderFileIn(string dataFolder) => FileIn(dataFolder) + ".holder";

    /// <summary>Takes the folder's lock for <paramref name="purpose"/> (what the holder is doing, for whoever is refused), or learns that another process has it.</summary>
    public static DataFolderLock Take(string dataFolder, string purpose)
    {
        FileStream held;
        try
        {
            held = new FileStream(FileIn(dataFolder), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return new DataFolderLock(dataFolder, null);
        }
        // Replaced in one move, so that a refused process never reads half a line.
        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var next = HolderFileIn(dataFolder) + ".next";
        File.WriteAllText(next, string.Create(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId} ({purpose}), started {started:yyyy-MM-dd HH:mm:ss} UTC"));
        File.Move(next, HolderFileIn(dataFolder), overwrite: true);
        return new DataFolderLock(dataFolder, held);
    }

    /// <summary>The one line a refused process prints: whose the folder is, and what to do.</summary>
    public string InUse(string refused) => $"{Folder} is in use by {Holder()}: {refused}";

    /// <summary>
    /// The holder as it wrote itself down. The file may be a dead process's, read in the moment between a new holder
    /// taking the lock and writing its line: then the process is not named.
    /// </summary>
    private string Holder()
    {
        try
        {
            var line = File.ReadAllText(HolderFileIn(Folder)).Trim();
            if (line.Split(' ') is ["pid", var pid, ..] && int.TryParse(pid, CultureInfo.InvariantCulture, out var id) && IsRunning(id)) return line;
        }
        catch (IOException)
        {
            // No holder written down yet.
        }
        return "another process";
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}

internal static class DataFolderLockModule
{
    /// <summary>The lock is taken when first asked for: by the logger, which the host builds first, or by a verb.</summary>
    public static IServiceCollection AddDataFolderLock(this IServiceCollection services, string[] args) =>
        services.AddSingleton(provider => DataFolderLock.Take(DataFolder.Resolve(provider.GetRequiredService<IConfiguration>()), Purpose(args)));

    /// <summary>The verb, never its arguments (<c>migrate --to</c> takes a connection string with a password).</summary>
    private static string Purpose(string[] args) => args switch
    {
        ["user" or "token", var action, ..] => $"{args[0]} {action}",
        [var verb, ..] when CommandLine.IsVerb(verb) => verb,
        _ => "the app",
    };
}
