using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Hosting;

namespace WorkingGroups.Infrastructure.Persistence;

public static class PersistenceModule
{
    /// <summary>The one database (SQLite by default, PostgreSQL by <c>Database:Provider</c>), its start-up work and the key ring.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        if (!services.FirstTime<AppDbContext>()) return services;
        services.AddClock();
        services.AddSingleton(sp => DatabaseOptions.Read(sp.GetRequiredService<IConfiguration>()));
        // Pooled: a new context resolved about thirty of EF Core's internal services, and the app creates one for nearly
        // every database call (a tenth of the CPU of a completion, docs/performance-log.md, fifth pass). A pooled one keeps them.
        services.AddPooledDbContextFactory<AppDbContext>((sp, options) => sp.GetRequiredService<DatabaseOptions>().Apply(options));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<SharedLock>();
        services.AddSingleton<Definitions.DefinitionVersions>();
        services.AddKeyRing();
        return services;
    }

    /// <summary>
    /// Builds the database model on the other core while the host is being put together: the first query needs it, and
    /// building it is the largest single cost of a start (about half a second). An error here shows again, and is
    /// reported, where the start-up first queries.
    /// </summary>
    public static void BuildDatabaseModelEarly(this IServiceProvider services) =>
        _ = Task.Run(() =>
        {
            try
            {
                using var db = services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
                _ = db.Model;
            }
            catch (Exception) { /* see above */ }
        });
}
