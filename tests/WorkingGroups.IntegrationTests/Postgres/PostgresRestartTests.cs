using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Postgres;

public sealed class PostgresRestartTests : RestartContract, IDisposable
{
    private readonly PostgresDatabases _databases = new();
    private string? _database;

    protected override AppFactory Host(bool last) => PostgresAppFactory.On(_database ??= _databases.Create());

    public void Dispose() => _databases.Dispose();
}
