using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Web.Hosting;

namespace WorkingGroups.Web.Cli;

/// <summary>
/// <c>migrate --to &lt;connection string&gt;</c>: moves the data folder's SQLite database (and its signing keys, so
/// answer links already sent keep working) into an empty PostgreSQL database. Refused while the app runs on the folder.
/// </summary>
internal static class MigrateCommand
{
    private const string Usage = """
        Usage:
          migrate --to "Host=...;Database=...;Username=...;Password=..."
              copies the data folder's SQLite database into an empty PostgreSQL database; stop the app first.
              Then run the app with Database__Provider=Postgres and Database__ConnectionString set to the same string.
        """;

    public static bool Handles(string[] args) => args.Length >= 1 && args[0] == "migrate";

    public static async Task<int> RunAsync(IConfiguration configuration, DataFolderLock folderLock, string[] args, TextWriter output, TextWriter error)
    {
        var to = Array.IndexOf(args, "--to");
        if (to < 0 || to + 1 >= args.Length || string.IsNullOrWhiteSpace(args[to + 1]))
        {
            error.WriteLine(Usage);
            return 64;
        }
        if (DatabaseOptions.PostgresProblem(args[to + 1]) is { } why)
        {
            error.WriteLine($"The connection string after --to is not one PostgreSQL's driver can read: {why}. Nothing was changed.");
            error.WriteLine(Usage);
            return 64;
        }
        var folder = folderLock.Folder;
        if (!folderLock.IsHeld)
        {
            error.WriteLine(folderLock.InUse("the app is running there; stop it first, so that nothing changes during the move. Nothing was changed."));
            return 1;
        }
        try
        {
            var counts = await SqliteToPostgres.CopyAsync(DataFolder.DatabaseFile(configuration), args[to + 1], Path.Combine(folder, "keys"), CancellationToken.None);
            foreach (var (table, rows) in counts) output.WriteLine($"  {table}: {rows}");
            output.WriteLine($"Copied {counts.Sum(c => c.Rows)} rows from {DataFolder.DatabaseFile(configuration)} into PostgreSQL.");
            output.WriteLine("Start the app with Database__Provider=Postgres and Database__ConnectionString set to the same connection string.");
            return 0;
        }
        catch (MigrationRefusedException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            // The connection string's password must not be echoed: the message names the server's complaint only.
            error.WriteLine($"PostgreSQL refused the move ({ex.Message}); nothing was committed.");
            return 1;
        }
    }
}
