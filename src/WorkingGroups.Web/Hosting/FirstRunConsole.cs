namespace WorkingGroups.Web.Hosting;

/// <summary>
/// Where a first start prints what a person must copy (the first Admin's one-time password): the console itself,
/// never the logger, so the secret cannot reach the log file.
/// </summary>
internal sealed class FirstRunConsole(TextWriter output)
{
    public TextWriter Output { get; } = output;
}
