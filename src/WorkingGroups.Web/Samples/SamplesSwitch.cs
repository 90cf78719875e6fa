namespace WorkingGroups.Web.Samples;

/// <summary>
/// <c>--no-samples</c> on the command line means <c>Samples:Load=false</c>. It is rewritten before the host reads
/// the arguments: a bare switch would otherwise swallow the argument after it as its value.
/// </summary>
internal static class SamplesSwitch
{
    public const string NoSamples = "--no-samples";

    public static string[] Apply(string[] args) =>
        args.Contains(NoSamples) ? [.. args.Where(a => a != NoSamples), "--Samples:Load=false"] : args;
}
