using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace WorkingGroups.Infrastructure.Persistence;

public static class PersistenceModule
{
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        services.AddSingleton<SqlitePragmas>();
        services.AddDbContextFactory<AppDbContext>((sp, options) =>
            options.UseSqlite(ConnectionString(sp.GetRequiredService<IConfiguration>())).AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<Definitions.DefinitionVersions>();
        return services;
    }

    public static string ConnectionString(IConfiguration configuration) => new SqliteConnectionStringBuilder
    {
        DataSource = DataFolder.DatabaseFile(configuration),
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();
}
