using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkingGroups.Core.Groups;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Groups;
using WorkingGroups.Web.Localization;

namespace WorkingGroups.Web.Pages.Groups;

/// <summary>The established groups with their member bodies today; filter by country.</summary>
internal sealed class IndexModel(GroupService groups, DefinitionVersions versions) : PageModel
{
    /// <summary>The group as its founding act names it, in the reader's language.</summary>
    public string NameOf(Group group) => versions.GroupNameOf(group)?.Name() ?? group.Title;

    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public string? Country { get; private set; }
    public DateOnly Today => groups.Today;

    public async Task OnGetAsync(string? country, CancellationToken ct)
    {
        Country = string.IsNullOrWhiteSpace(country) ? null : country.ToUpperInvariant();
        Groups = await groups.ListAsync(Country, ct);
    }
}
