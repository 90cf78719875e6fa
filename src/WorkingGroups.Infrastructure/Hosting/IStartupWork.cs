namespace WorkingGroups.Infrastructure.Hosting;

/// <summary>
/// Start-up work on a migrated database: the app's start-up tasks run each one after the migrations and before any
/// hosted service starts (Data Protection, the Hangfire server, the web server).
/// </summary>
public interface IStartupWork
{
    Task RunAsync(CancellationToken cancellationToken);
}
