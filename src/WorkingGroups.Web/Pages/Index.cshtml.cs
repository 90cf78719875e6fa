using Microsoft.AspNetCore.Mvc.RazorPages;
using WorkingGroups.Core.Attention;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Infrastructure.Attention;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Web.Localization;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Web.Auth;
using WorkingGroups.Infrastructure.Mail;

namespace WorkingGroups.Web.Pages;

/// <summary>
/// The home page. Signed in, it opens on what needs attention today: a coordinator's own country; observers and admins
/// every country, or one of them (<c>?country=</c>). Without signing in, only what the tool is.
/// </summary>
internal sealed class IndexModel(AttentionService attention, DefinitionCatalog catalog, DefinitionVersions versions, SmtpOptions smtp) : PageModel
{
    /// <summary>The group as its founding act names it, in the reader's language.</summary>
    public string NameOf(Group group) => versions.GroupNameOf(group)?.Name() ?? group.Title;

    /// <summary>Without SMTP the bodies listed get no reminder from the app: the page says so.</summary>
    public bool MailConfigured => smtp.IsConfigured;

    public AttentionList? Attention { get; private set; }
    public IReadOnlyList<string> Countries => catalog.Countries;
    public string? Country { get; private set; }
    /// <summary>A coordinator's list is their country's: no other is offered.</summary>
    public bool CountryIsTheUsers => User.SeesOwnCountryOnly();

    public async Task OnGetAsync(string? country, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return;
        Country = User.AttentionCountry(country);
        Attention = await attention.ForAsync(Country, ct);
    }
}
