using Microsoft.EntityFrameworkCore;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.IntegrationTests.Engine;

namespace WorkingGroups.IntegrationTests.Postgres;

/// <summary>The engine store's contract on PostgreSQL: a database per store, dropped afterwards.</summary>
public sealed class PostgresPersistenceProviderTests : PersistenceProviderContract
{
    private readonly PostgresDatabases _databases = new();

    protected override DbContextOptions<AppDbContext> OpenStore(string name) =>
        new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(_databases.Create()).Options;

    protected override void DropStores() => _databases.Dispose();
}
