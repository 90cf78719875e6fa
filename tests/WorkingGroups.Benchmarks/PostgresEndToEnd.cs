using Npgsql;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// Scenario 3 on PostgreSQL (not one of issue 9's targets, which are SQLite's): the same walk through the API at
/// concurrency 8, with the app on a fresh database of the server named by WORKINGGROUPS_TEST_POSTGRES (as the tests
/// use it); skipped when that is not set. The database is dropped afterwards.
/// </summary>
public static class PostgresEndToEnd
{
    public const string ServerVariable = "WORKINGGROUPS_TEST_POSTGRES";

    public static async Task RunAsync(Settings settings, Results results)
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is not { Length: > 0 } server)
        {
            Console.WriteLine($"  (3p PostgreSQL skipped: {ServerVariable} is not set)");
            return;
        }
        var name = $"wg_bench_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
            };
            var folder = settings.NewFolder("end-to-end-postgres");
            var token = await ChildApp.CreateTokenAsync(settings, folder, "coordinator@bench.local", "Coordinator", "KZ", environment);
            await using var app = await ChildApp.StartAsync(settings, folder, environment);
            using var client = app.Client(token);
            var driver = new HttpDriver(client);
            await StepWalk.WarmUpAsync(driver, settings.WarmUp);
            await EndToEnd.WalksAsync(settings, results, "3p PostgreSQL", "HTTP, durable, server on loopback", app, driver, [8]);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
