using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// The Data Protection keys that sign answer links and cookies, kept so that they survive a restart: in the data
/// folder on SQLite, in the database on PostgreSQL, where every app instance must read the same keys.
/// </summary>
internal static class KeyRing
{
    public static IServiceCollection AddKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("WorkingGroups");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = Store(sp)));
        return services;
    }

    private static IXmlRepository Store(IServiceProvider sp)
    {
        if (sp.GetRequiredService<DatabaseOptions>().IsPostgres) return new EntityFrameworkCoreXmlRepository<AppDbContext>(sp, sp.GetRequiredService<ILoggerFactory>());
        return new FileSystemXmlRepository(
            new DirectoryInfo(Path.Combine(DataFolder.Resolve(sp.GetRequiredService<IConfiguration>()), "keys")),
            sp.GetRequiredService<ILoggerFactory>());
    }
}
