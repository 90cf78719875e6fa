using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.IntegrationTests.Engine;

/// <summary>The engine store's contract on SQLite files in a temporary folder.</summary>
public sealed class PersistenceProviderTests : PersistenceProviderContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wg-engine-tests-").FullName;

    protected override DbContextOptions<AppDbContext> OpenStore(string name) =>
        new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, name + ".db")}").Options;

    protected override void DropStores()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
