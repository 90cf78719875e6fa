using Microsoft.Data.Sqlite;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Web.Hosting;

namespace WorkingGroups.Web.Cli;

/// <summary>
/// <c>backup &lt;file&gt;</c>: a consistent copy of the database with SQLite's online backup, safe while the app runs;
/// the Data Protection keys (which sign answer links and cookies) are copied beside it into <c>&lt;file&gt;.keys/</c>.
/// <c>restore &lt;file&gt;</c>: puts such a copy into the data folder; refused while the app runs on it.
/// </summary>
internal static class BackupCommands
{
    private const string Usage = """
        Usage:
          backup <file>    a consistent copy of the database (and its keys) while the app runs
          restore <file>   replaces the data folder's database with a backup; stop the app first
        """;

    public static bool Handles(string[] args) => args.Length >= 1 && args[0] is "backup" or "restore";

    public static int Run(IConfiguration configuration, DataFolderLock folderLock, string[] args, TextWriter output, TextWriter error)
    {
        // --Data:Folder=... and the like are configuration for the host, not arguments of the verb.
        var files = args.Skip(1).Where(a => !(a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='))).ToList();
        if (files.Count != 1 || files[0].StartsWith('-'))
        {
            error.WriteLine(Usage);
            return 64;
        }
        if (DatabaseOptions.Read(configuration).IsPostgres)
        {
            error.WriteLine("backup and restore work on the SQLite database of the data folder; on PostgreSQL (Database:Provider=Postgres) use the server's own tools, such as pg_dump and pg_restore.");
            return 1;
        }
        var file = Path.GetFullPath(files[0]);
        var folder = DataFolder.Resolve(configuration);
        try
        {
            return args[0] == "backup" ? Backup(folder, file, output) : Restore(folderLock, file, output);
        }
        catch (BackupException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static int Backup(string folder, string file, TextWriter output)
    {
        var database = Path.Combine(folder, "workinggroups.db");
        if (!File.Exists(database)) throw new BackupException($"There is no database at {database} (set --Data:Folder=...).");
        if (File.Exists(file)) throw new BackupException($"{file} exists already; choose a new name (a backup never overwrites).");

        // Into a temporary name first, so a file under the chosen name is always a whole backup.
        var partial = file + ".partial";
        File.Delete(partial);
        using (var source = Open(database, SqliteOpenMode.ReadOnly))
        using (var target = Open(partial, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(target);
        }
        SqliteConnection.ClearAllPools();
        File.Move(partial, file);
        var keys = CopyKeys(Path.Combine(folder, "keys"), file + ".keys");
        output.WriteLine($"Backed up {database} to {file} ({new FileInfo(file).Length / 1024} KB, {keys} key file(s) in {file}.keys).");
        return 0;
    }

    private static int Restore(DataFolderLock folderLock, string file, TextWriter output)
    {
        if (!File.Exists(file)) throw new BackupException($"There is no backup at {file}.");
        if (!folderLock.IsHeld) throw new BackupException(folderLock.InUse("the app is running there; stop it, then restore, then start it again. Nothing was changed."));
        var folder = folderLock.Folder;
        using (var source = Open(file, SqliteOpenMode.ReadOnly))
        {
            Check(source, file);
            using var target = Open(Path.Combine(folder, "workinggroups.db"), SqliteOpenMode.ReadWriteCreate);
            source.BackupDatabase(target);
        }
        SqliteConnection.ClearAllPools();
        var keys = CopyKeys(file + ".keys", Path.Combine(folder, "keys"));
        output.WriteLine($"Restored {file} into {folder} ({keys} key file(s)). Start the app on this data folder.");
        return 0;
    }

    /// <summary>Refuses a file that is not a sound WorkingGroups database before anything is overwritten.</summary>
    private static void Check(SqliteConnection source, string file)
    {
        using var command = source.CreateCommand();
        try
        {
            command.CommandText = "PRAGMA integrity_check";
            var integrity = command.ExecuteScalar() as string;
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('__EFMigrationsHistory', 'Processes')";
            if (integrity != "ok" || Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 2)
                throw new BackupException($"{file} is not a sound WorkingGroups backup; nothing was changed.");
        }
        catch (SqliteException ex)
        {
            throw new BackupException($"{file} is not a SQLite database ({ex.Message}); nothing was changed.");
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    private static int CopyKeys(string from, string to)
    {
        if (!Directory.Exists(from)) return 0;
        Directory.CreateDirectory(to);
        var files = Directory.GetFiles(from, "*.xml");
        foreach (var key in files) File.Copy(key, Path.Combine(to, Path.GetFileName(key)), overwrite: true);
        return files.Length;
    }
}

internal sealed class BackupException(string message) : Exception(message);
