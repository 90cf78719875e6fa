using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using WorkingGroups.Infrastructure.Settings;

namespace WorkingGroups.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// The <c>Database</c> section: <c>Provider</c> (Sqlite, the default, or Postgres) and <c>ConnectionString</c>.
/// SQLite needs no connection string: its file is <c>workinggroups.db</c> in the data folder.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>Where the PostgreSQL migrations live: EF Core keeps one migration set per assembly.</summary>
    public const string PostgresMigrationsAssembly = "WorkingGroups.Migrations.Postgres";

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static DatabaseOptions Read(IConfiguration configuration) => SettingsReader.Use(configuration, Read);

    public static DatabaseOptions Read(SettingsReader read)
    {
        var provider = read.Choice("Database:Provider", DatabaseProvider.Sqlite);
        if (provider != DatabaseProvider.Postgres) return new(provider, SqliteFile(DataFolder.DatabaseFile(read.Configuration)));
        var cs = read.Text("Database:ConnectionString");
        if (cs is null)
            read.Problem("Database:Provider is Postgres but Database:ConnectionString is empty; give the server's connection string (Host=...;Database=...;Username=...).");
        else if (PostgresProblem(cs) is { } problem)
            read.Problem($"Database:ConnectionString is not one PostgreSQL's driver can read: {problem}.");
        return new(provider, cs ?? "");
    }

    /// <summary>What the PostgreSQL driver finds wrong with a connection string, or null. Its messages name a keyword, never a value.</summary>
    public static string? PostgresProblem(string connectionString)
    {
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return ex.Message.TrimEnd('.');
        }
    }

    public static string SqliteFile(string file) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();

    /// <summary>Points a context at this database, with the migrations and per-connection settings of its provider.</summary>
    public DbContextOptionsBuilder Apply(DbContextOptionsBuilder options) => Provider switch
    {
        DatabaseProvider.Postgres => options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
        _ => options.UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmas()),
    };
}
