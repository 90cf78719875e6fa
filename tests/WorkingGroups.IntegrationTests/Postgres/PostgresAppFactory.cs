using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Postgres;

/// <summary>
/// The real app on a fresh PostgreSQL database (dropped afterwards), its jobs in the same database. The database is
/// made when the host starts, inside the test, so that a machine without a server skips the test instead of failing it.
/// </summary>
public class PostgresAppFactory : AppFactory
{
    private readonly PostgresDatabases _databases = new();
    private string? _connectionString;

    /// <summary>A host on an existing database (a restart, a second instance): it is not dropped by this host.</summary>
    public static PostgresAppFactory On(string connectionString) => new() { _connectionString = connectionString };

    public string ConnectionString => _connectionString ??= _databases.Create();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        _ = ConnectionString; // on the test's thread: no server skips the test here
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("Database:ConnectionString", ConnectionString);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _databases.Dispose();
    }
}
