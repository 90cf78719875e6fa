using WorkingGroups.Core.Calendars;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Letters;
using WorkingGroups.Infrastructure.Letters;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Web.Cli;

/// <summary>
/// Verbs that run instead of the web app. <c>validate &lt;folder&gt;</c> needs no host and runs here; a first
/// argument that names no verb is refused here too, before a host is built, so that a typo never starts a server.
/// </summary>
internal static class CommandLine
{
    private static readonly string[] Verbs = ["validate", "user", "token", "backup", "restore", "migrate"];

    public static bool IsVerb(string argument) => Verbs.Contains(argument);

    /// <summary>Runs a verb that needs no host; returns its exit code, or null when the arguments are for the host.</summary>
    public static int? TryRunStandalone(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0) return null;
        if (!IsVerb(args[0]) && !IsHostSetting(args[0]))
        {
            error.WriteLine($"Unknown command \"{args[0]}\"; the commands are {string.Join(", ", Verbs)} (none starts the app).");
            return 2;
        }
        if (args[0] != "validate") return null;
        if (args.Length != 2)
        {
            error.WriteLine("Usage: validate <folder>   checks every definition file of a folder and its letter templates.");
            return 64;
        }
        return Validate(args[1], output, error);
    }

    public static int Validate(string folder, TextWriter output, TextWriter error)
    {
        var result = DefinitionLoader.LoadFolder(folder, TextCatalog.Default.Languages);
        // The letter templates the app would run them with (templates/ beside them, else the repository's), checked against them.
        var errors = result.Errors.ToList();
        var templates = LetterTemplates.Load(LetterTemplatesFolder.For(folder), TextCatalog.Default.Languages, errors);
        if (result.IsValid) errors.AddRange(templates.Check(result.Definitions));
        // The calendars beside the definitions (calendars/): their own mistakes, and the current year for each.
        var calendars = Infrastructure.Calendars.CalendarsCheck.Load(folder, result.Definitions);
        errors.AddRange(calendars.Errors);
        errors.AddRange(CalendarLoader.CheckCovers(calendars.Calendars, result.Definitions.Select(d => d.Country), DateTime.UtcNow.Year));
        if (errors.Count > 0)
        {
            error.WriteLine($"{folder}: {errors.Count} error(s)");
            foreach (var e in errors) error.WriteLine("  " + e);
            return 1;
        }
        var list = string.Join(", ", result.Definitions.Select(d => $"{d.Id} v{d.Version} ({d.Country})"));
        output.WriteLine($"{folder}: {result.Definitions.Count} definition(s) valid: {list}; {templates.All.Count} letter template(s) valid");
        return 0;
    }

    /// <summary>What the host takes from its command line: an option (<c>--urls</c>, <c>--no-samples</c>) or a <c>Key=value</c> setting.</summary>
    private static bool IsHostSetting(string argument) => argument.StartsWith('-') || argument.Contains('=');
}
