using WorkingGroups.Core.Definitions;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Web.Hosting;

namespace WorkingGroups.Web.Cli;

/// <summary>
/// Verbs that need the database but not the server: <c>user add</c>, <c>token create</c>, <c>token list</c> and
/// <c>token revoke</c>.
/// They run on the same configuration (data folder) as the app, and may run while it does: SQLite takes writers from
/// several processes in turn. Alone on the folder, a verb holds its lock and creates or migrates the database first;
/// beside the app, it leaves that to the app, which has done it.
/// </summary>
internal static class UserCommands
{
    private const string Usage = """
        Usage:
          user add --email <e-mail> --role Coordinator|Observer|Admin [--country KZ] [--password <password>] [--language en|ru]
          token create --email <e-mail> [--name <name>] [--days <days>]
          token list --email <e-mail>
          token revoke --email <e-mail> [--name <name>]
        """;

    /// <summary>Any <c>user</c> or <c>token</c> verb is ours: a mistyped one gets the usage, not a started web server.</summary>
    public static bool Handles(string[] args) => args.Length >= 1 && args[0] is "user" or "token";

    public static async Task<int> RunAsync(WebApplication app, DataFolderLock folderLock, string[] args, TextWriter output, TextWriter error)
    {
        if (!(args.Length >= 2 && (args[0], args[1]) is ("user", "add") or ("token", "create") or ("token", "list") or ("token", "revoke")))
        {
            error.WriteLine($"Unknown command \"{string.Join(' ', args.Take(2))}\".");
            error.WriteLine(Usage);
            return 64;
        }
        if (!Options.TryParse(args[2..], Options.For(args[1]), out var options, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return 64;
        }
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        if (folderLock.IsHeld)
            await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(services.GetRequiredService<DefinitionCatalog>(), CancellationToken.None);
        var administration = services.GetRequiredService<UserAdministration>();
        try
        {
            return args[1] switch
            {
                "add" => await AddUserAsync(administration, options, output),
                "create" => await CreateTokenAsync(administration, options, output),
                "list" => await ListTokensAsync(administration, options, output),
                _ => await RevokeTokensAsync(administration, options, output),
            };
        }
        catch (UserAdministrationException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static async Task<int> AddUserAsync(UserAdministration administration, Dictionary<string, string> options, TextWriter output)
    {
        var (user, oneTime) = await administration.AddUserAsync(Required(options, "email"), Required(options, "role"),
            options.GetValueOrDefault("country"), options.GetValueOrDefault("password"), options.GetValueOrDefault("language"));
        output.WriteLine($"Added {user.Email} ({Roles.Parse(options["role"])}{(user.Country is null ? "" : ", " + user.Country)}).");
        if (oneTime is not null)
            output.WriteLine($"One-time password (shown once; it must be changed at first sign-in): {oneTime}");
        return 0;
    }

    private static async Task<int> CreateTokenAsync(UserAdministration administration, Dictionary<string, string> options, TextWriter output)
    {
        int? days = null;
        if (options.TryGetValue("days", out var text))
            days = int.TryParse(text, out var d) ? d : throw new UserAdministrationException($"--days \"{text}\" is not a whole number.");
        var token = await administration.CreateTokenAsync(Required(options, "email"), options.GetValueOrDefault("name"), days);
        output.WriteLine("Bearer token (shown once; only its hash is stored):");
        output.WriteLine(token);
        return 0;
    }

    private static async Task<int> ListTokensAsync(UserAdministration administration, Dictionary<string, string> options, TextWriter output)
    {
        var tokens = await administration.ListTokensAsync(Required(options, "email"));
        if (tokens.Count == 0) output.WriteLine("No tokens.");
        foreach (var token in tokens)
        {
            var state = token.RevokedAt is { } revoked ? $"revoked {revoked:yyyy-MM-dd HH:mm} UTC"
                : token.ExpiresAt is { } expires ? $"expires {expires:yyyy-MM-dd HH:mm} UTC" : "does not expire";
            output.WriteLine($"{token.Name}\tcreated {token.CreatedAt:yyyy-MM-dd HH:mm} UTC\t{state}");
        }
        return 0;
    }

    private static async Task<int> RevokeTokensAsync(UserAdministration administration, Dictionary<string, string> options, TextWriter output)
    {
        var email = Required(options, "email");
        var count = await administration.RevokeTokensAsync(email, options.GetValueOrDefault("name"));
        output.WriteLine($"Revoked {count} token{(count == 1 ? "" : "s")} of {email}.");
        return 0;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new UserAdministrationException($"--{name} is required.");

    private static class Options
    {
        public static HashSet<string> For(string verb) => verb switch
        {
            "add" => ["email", "role", "country", "password", "language"],
            "create" => ["email", "name", "days"],
            "list" => ["email"],
            _ => ["email", "name"],
        };

        public static bool TryParse(string[] args, HashSet<string> known, out Dictionary<string, string> options, out string problem)
        {
            options = [];
            problem = "";
            for (var i = 0; i < args.Length; i += 2)
            {
                // --Data:Folder=... and the like are configuration for the host, read by it, not by the verb.
                if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains('=')) { i--; continue; }
                var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
                if (name is null || !known.Contains(name)) { problem = $"Unknown argument \"{args[i]}\"."; return false; }
                if (i + 1 >= args.Length) { problem = $"--{name} needs a value."; return false; }
                options[name] = args[i + 1];
            }
            return true;
        }
    }
}
