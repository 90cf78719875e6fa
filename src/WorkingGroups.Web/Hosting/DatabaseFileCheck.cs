using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Web.Hosting;

/// <summary>
/// A SQLite file that is not ours stops the app before anything opens it: one line and exit code 2, like a bad
/// setting, instead of a new installation made in it or a stack trace from the first query.
/// </summary>
internal static class DatabaseFileCheck
{
    public static bool HasUnusableDatabase(this WebApplication app, TextWriter error)
    {
        if (DatabaseOptions.Read(app.Configuration).IsPostgres) return false;
        if (SqliteDatabaseFile.Problem(DataFolder.DatabaseFile(app.Configuration)) is not { } problem) return false;
        error.WriteLine(problem);
        return true;
    }
}
