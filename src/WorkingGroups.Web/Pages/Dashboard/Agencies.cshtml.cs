using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Web.Dashboards;

namespace WorkingGroups.Web.Pages.Dashboard;

internal sealed class AgenciesModel(DashboardData data, DefinitionCatalog catalog, IStringLocalizer t) : DashboardPage(data, catalog, t)
{
    public IReadOnlyDictionary<(Guid ProcessId, string BodyId), int> RemindersSent { get; private set; } = new Dictionary<(Guid, string), int>();

    public override async Task OnGetAsync(CancellationToken ct)
    {
        await base.OnGetAsync(ct);
        RemindersSent = await Data.RemindersSentAsync(Date, ct);
    }
}
