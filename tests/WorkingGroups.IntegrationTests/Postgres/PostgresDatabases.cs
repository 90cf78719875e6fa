using Npgsql;

namespace WorkingGroups.IntegrationTests.Postgres;

/// <summary>
/// Databases for one test on the PostgreSQL server named by <c>WORKINGGROUPS_TEST_POSTGRES</c> (a connection string
/// without a database, e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres</c>), each dropped at the end. Without a
/// server the PostgreSQL tests are skipped with a message saying so, unless <c>WORKINGGROUPS_TEST_POSTGRES_REQUIRED=1</c>
/// (set by .ci/run, which starts a server), where a missing server fails them.
/// </summary>
public sealed class PostgresDatabases : IDisposable
{
    public const string ServerVariable = "WORKINGGROUPS_TEST_POSTGRES";
    public const string RequiredVariable = "WORKINGGROUPS_TEST_POSTGRES_REQUIRED";

    private readonly List<string> _created = [];

    public static string? Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    /// <summary>Skips the calling test when no server is configured (fails it where one is required).</summary>
    public static string RequireServer()
    {
        if (Server is { } server) return server;
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
            throw new InvalidOperationException($"{RequiredVariable}=1 but {ServerVariable} is not set: the PostgreSQL suite must run here.");
        Skip.If(true, $"No PostgreSQL server: set {ServerVariable} (e.g. Host=127.0.0.1;Port=5432;Username=postgres) to run the PostgreSQL suite; .ci/run starts one.");
        return null!; // not reached
    }

    /// <summary>A new empty database; its connection string.</summary>
    public string Create()
    {
        var server = RequireServer();
        var name = "wg_test_" + Guid.NewGuid().ToString("N")[..20];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        lock (_created) _created.Add(name);
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    public void Dispose()
    {
        if (Server is not { } server) return;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        lock (_created)
        {
            foreach (var name in _created)
            {
                using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                command.ExecuteNonQuery();
            }
            _created.Clear();
        }
    }
}
