using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Infrastructure.Definitions;

/// <summary>Start-up stops with this when a definition file is wrong; the host prints the errors, not a stack trace.</summary>
public sealed class InvalidDefinitionsException(string folder, IReadOnlyList<DefinitionError> errors)
    : Exception($"The definitions in {folder} have {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors.Select(e => "  " + e))}")
{
    public string Folder { get; } = folder;
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
