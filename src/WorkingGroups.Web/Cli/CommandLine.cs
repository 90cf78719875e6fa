using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Web.Cli;

/// <summary>Verbs that run instead of the web app: <c>validate &lt;folder&gt;</c>.</summary>
public static class CommandLine
{
    /// <summary>Runs a verb that needs no host; returns its exit code, or null when the arguments name none.</summary>
    public static int? TryRunStandalone(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] != "validate") return null;
        if (args.Length != 2)
        {
            error.WriteLine("Usage: validate <folder>   checks every definition file of a folder.");
            return 64;
        }
        return Validate(args[1], output, error);
    }

    public static int Validate(string folder, TextWriter output, TextWriter error)
    {
        var result = DefinitionLoader.LoadFolder(folder);
        if (!result.IsValid)
        {
            error.WriteLine($"{folder}: {result.Errors.Count} error(s)");
            foreach (var e in result.Errors) error.WriteLine("  " + e);
            return 1;
        }
        var list = string.Join(", ", result.Definitions.Select(d => $"{d.Id} v{d.Version} ({d.Country})"));
        output.WriteLine($"{folder}: {result.Definitions.Count} definition(s) valid: {list}");
        return 0;
    }
}
