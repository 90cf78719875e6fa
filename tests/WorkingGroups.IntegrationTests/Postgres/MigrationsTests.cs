using Microsoft.EntityFrameworkCore;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.IntegrationTests.Postgres;

/// <summary>Each provider's migrations build exactly the current model: a change to the model needs a migration in both.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=not-opened.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=not-contacted;Database=none")]
    public void The_migrations_of_each_provider_match_the_model(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        new DatabaseOptions(provider, connectionString).Apply(options);
        using var db = new AppDbContext(options.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changed since the last {provider} migration: add one for each provider (see docs/guide/development.md, Layout).");
    }
}
