namespace WorkingGroups.Core.Definitions;

/// <summary>One mistake in a definition file: where it is (file, line, JSON path) and what is wrong, in a sentence.</summary>
public sealed record DefinitionError(string File, int Line, string Path, string Message)
{
    public override string ToString() => Line > 0
        ? $"{File}:{Line}: {Path}: {Message}"
        : $"{File}: {Path}: {Message}";
}
