using Serilog;
using Serilog.Formatting.Compact;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Web.Hosting;

internal static class LoggingModule
{
    /// <summary>
    /// Serilog from the "Serilog" section (levels, console), plus a rolling compact-JSON file in the data folder.
    /// No static bootstrap logger: tests start several hosts in one process.
    /// </summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        // Configuration is read from the built services, so settings a test host adds late are seen too.
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            // The log file is the folder's owner's: a verb run beside the app logs to the console, never tearing the app's lines.
            if (services.GetRequiredService<DataFolderLock>().IsHeld)
                logger.WriteTo.File(new CompactJsonFormatter(), LogFile(services.GetRequiredService<IConfiguration>()), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31);
        }, preserveStaticLogger: true); // each host keeps its own logger; the static one would be the last host's
        return builder;
    }

    private static string LogFile(IConfiguration configuration) =>
        Path.Combine(DataFolder.Resolve(configuration), "logs", "workinggroups-.clef");

    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        // This host's logger: without one the middleware writes to the static logger, which is some other host's in tests.
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        return app;
    }
}
