using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Web.Processes;

namespace WorkingGroups.Web.Groups;

// The JSON bodies of the groups API. Dates are ISO yyyy-MM-dd; the binder refuses anything else with a 400.

internal sealed record RenameBodyRequest(Dictionary<string, string>? Name, DateOnly? EffectiveOn);

internal sealed record RepresentativeRequest(string? Name, string? Position, string? Email, DateOnly? EffectiveOn);

/// <summary>Turns request bodies into commands; a missing required field is a 400 naming it.</summary>
internal static class GroupRequestMapping
{
    public static RenameBody ToCommand(this RenameBodyRequest r) =>
        new(new LocalizedText(r.Name ?? throw DomainRuleException.Invalid("name", "required", "name")), RequestMapping.Required(r.EffectiveOn, "effectiveOn"));

    public static ChangeRepresentative ToCommand(this RepresentativeRequest r) =>
        new(new Nominee(r.Name ?? "", r.Position, r.Email), RequestMapping.Required(r.EffectiveOn, "effectiveOn"));
}
