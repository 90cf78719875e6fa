using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Web.Dashboards;

namespace WorkingGroups.Web.Pages.Dashboard;

public sealed class IndexModel(DashboardData data, DefinitionCatalog catalog, IStringLocalizer t) : DashboardPage(data, catalog, t);
public sealed class StepsModel(DashboardData data, DefinitionCatalog catalog, IStringLocalizer t) : DashboardPage(data, catalog, t);
public sealed class CountriesModel(DashboardData data, DefinitionCatalog catalog, IStringLocalizer t) : DashboardPage(data, catalog, t);
public sealed class AgenciesModel(DashboardData data, DefinitionCatalog catalog, IStringLocalizer t) : DashboardPage(data, catalog, t);
