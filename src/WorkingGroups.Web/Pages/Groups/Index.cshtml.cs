using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkingGroups.Core.Groups;
using WorkingGroups.Infrastructure.Groups;

namespace WorkingGroups.Web.Pages.Groups;

/// <summary>The established groups with their member bodies today; filter by country.</summary>
public sealed class IndexModel(GroupService groups) : PageModel
{
    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public string? Country { get; private set; }
    public DateOnly Today => groups.Today;

    public async Task OnGetAsync(string? country, CancellationToken ct)
    {
        Country = string.IsNullOrWhiteSpace(country) ? null : country.ToUpperInvariant();
        Groups = await groups.ListAsync(Country, ct);
    }
}
