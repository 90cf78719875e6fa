using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Web.Dashboards;

namespace WorkingGroups.Web.Pages.Dashboard;

internal sealed class IndexModel(DashboardData data, DefinitionCatalog catalog, IStringLocalizer t) : DashboardPage(data, catalog, t);
