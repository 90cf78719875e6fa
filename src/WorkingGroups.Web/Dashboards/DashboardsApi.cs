using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Web.Hosting;
using WorkingGroups.Web.Localization;

namespace WorkingGroups.Web.Dashboards;

internal static class DashboardsApi
{
    /// <summary>The dashboards as JSON, each as it stood on <c>?asOf=yyyy-MM-dd</c> (default today), for <c>?country=</c> or all.</summary>
    public static WebApplication MapDashboardsApi(this WebApplication app)
    {
        var dashboards = app.MapGroup("/api/v1/dashboards").WithTags("Dashboards").RequireAuthorization().WithProblems()
            .AddEndpointFilter<ProblemFilter>();
        dashboards.MapGet("/portfolio", async (DateOnly? asOf, string? country, DashboardData data, CancellationToken ct) =>
        {
            var (processes, date) = await data.LoadAsync(asOf, country, ct);
            return TypedResults.Ok(new { asOf = date, processes = Dashboard.Portfolio(processes, date) });
        })
            .WithName("getPortfolioDashboard").WithSummary("Every process against its benchmark");
        dashboards.MapGet("/steps", async (DateOnly? asOf, string? country, DashboardData data, CancellationToken ct) =>
        {
            var (processes, date) = await data.LoadAsync(asOf, country, ct);
            return TypedResults.Ok(new { asOf = date, steps = Dashboard.Steps(processes, date), kinds = Dashboard.Kinds(processes, date) });
        })
            .WithName("getStepsDashboard").WithSummary("Step durations: median, 90th percentile, longest");
        dashboards.MapGet("/countries", async (DateOnly? asOf, string? country, DashboardData data, CancellationToken ct) =>
        {
            var (processes, date) = await data.LoadAsync(asOf, country, ct);
            return TypedResults.Ok(new { asOf = date, countries = Dashboard.Countries(processes, date) });
        })
            .WithName("getCountriesDashboard").WithSummary("Countries side by side");
        dashboards.MapGet("/agencies", async (DateOnly? asOf, string? country, DashboardData data, CancellationToken ct) =>
        {
            var (processes, date) = await data.LoadAsync(asOf, country, ct);
            return TypedResults.Ok(new { asOf = date, agencies = Dashboard.Agencies(processes, date, await data.RemindersSentAsync(date, ct)) });
        })
            .WithName("getAgenciesDashboard").WithSummary("How fast each agency answers");

        var exports = app.MapGroup("/api/v1/exports").WithTags("Dashboards").RequireAuthorization().WithProblems()
            .AddEndpointFilter<ProblemFilter>();
        exports.MapGet("/steps.csv", async (DateOnly? asOf, string? country, DashboardData data, CancellationToken ct) =>
        {
            var (processes, date) = await data.LoadAsync(asOf, country, ct);
            var titles = processes.ToDictionary(x => x.Process.Id, x => x.Definition);
            return TypedResults.File(Csv.Write(
                ["process_id", "process", "country", "step_id", "step", "step_ru", "kind", "activated_on", "completed_on", "days", "benchmark_days", "state", "running"],
                Dashboard.Spans(processes, date).Select(s =>
                {
                    var title = titles[s.ProcessId].FindStep(s.StepId)?.Title;
                    return new object?[]
                    {
                        s.ProcessId, s.ProcessTitle, s.Country, s.StepId, title?.Get("en"), title?.Get("ru"), KindNames.Of(s.Kind),
                        s.ActivatedOn, s.CompletedOn, s.Days, s.BenchmarkDays, KindNames.Of(s.State), s.Running ? "yes" : "no",
                    };
                })), $"{OpenApiModule.Csv}; charset=utf-8", $"step-durations-{date:yyyy-MM-dd}.csv");
        })
            .WithName("exportStepsCsv").WithSummary("Step durations as CSV")
            .ProducesFile(OpenApiModule.Csv);
        exports.MapGet("/invitations.csv", async (DateOnly? asOf, string? country, DashboardData data, CancellationToken ct) =>
        {
            var (processes, date) = await data.LoadAsync(asOf, country, ct);
            var rows = processes.SelectMany(x => x.Process.Steps.SelectMany(s => s.Invitations.Select(i => (x, s, i))))
                .Where(t => AsOf.InvitationStatus(t.s, t.i, date) is not null)
                .Select(t => new object?[]
                {
                    t.x.Process.Id, t.x.Process.Title, t.x.Process.Country, t.i.BodyId, t.x.Definition.FindBody(t.i.BodyId)?.Name.Get("en"),
                    t.x.Definition.FindBody(t.i.BodyId)?.Name.Get("ru"), KindNames.Of(AsOf.InvitationStatus(t.s, t.i, date)!.Value), t.i.SentOn,
                    t.i.RespondedOn is { } r && r <= date ? r : null, t.i.Nominee?.Name, t.i.Nominee?.Position, t.i.Nominee?.Email, t.i.Reason,
                });
            return TypedResults.File(Csv.Write(
                ["process_id", "process", "country", "body_id", "body", "body_ru", "status", "sent_on", "responded_on", "nominee", "position", "email", "reason"],
                rows), $"{OpenApiModule.Csv}; charset=utf-8", $"invitations-{date:yyyy-MM-dd}.csv");
        })
            .WithName("exportInvitationsCsv").WithSummary("Invitations and answers as CSV")
            .ProducesFile(OpenApiModule.Csv);
        // The workbook is a report for people: in the reader's language (the pages' choice, else Accept-Language, else
        // English). The CSVs stay machine-readable: fixed column names and values whatever the language.
        exports.MapGet("/portfolio.xlsx", async (DateOnly? asOf, string? country, DashboardData data, IStringLocalizer t, CancellationToken ct) =>
        {
            var (processes, date) = await data.LoadAsync(asOf, country, ct);
            var definitions = processes.ToDictionary(x => x.Process.Id, x => x.Definition);
            string[] Header(string sheet, params string[] columns) => columns.Select(c => t[$"Export.{sheet}.{c}"].Value).ToArray();
            string YesNo(bool value) => t[value ? "Export.Yes" : "Export.No"];
            var workbook = Xlsx.Write(
                new Sheet(t["Export.Portfolio"],
                    Header("Portfolio", "Country", "Process", "Status", "Started", "Ended", "Elapsed", "Benchmark", "DaysOver", "State", "CurrentSteps"),
                    Dashboard.Portfolio(processes, date).Select(r => (IReadOnlyList<object?>)
                    [
                        t.Country(r.Country), r.Title, t.Of(r.Status), r.StartedOn, r.EndedOn, r.ElapsedDays, r.BenchmarkDays, r.DaysOver,
                        t.Of(r.State), string.Join(", ", r.CurrentSteps.Select(s => definitions[r.Id].FindStep(s)?.Title.Name())),
                    ])),
                new Sheet(t["Export.Steps"],
                    Header("Steps", "Country", "Step", "Kind", "Benchmark", "Count", "Running", "Median", "P90", "Longest", "MedianOver"),
                    Dashboard.Steps(processes, date).Select(s => (IReadOnlyList<object?>)
                    [
                        t.Country(s.Country), processes.First(p => p.Process.DefinitionId == s.DefinitionId).Definition.FindStep(s.StepId)?.Title.Name(),
                        t[$"Kind.{KindNames.Of(s.Kind)}"].Value, s.BenchmarkDays, s.Count, s.Running, s.MedianDays, s.P90Days, s.MaxDays, YesNo(s.MedianOverTarget),
                    ])));
            return TypedResults.File(workbook, OpenApiModule.Xlsx, $"portfolio-{date:yyyy-MM-dd}.xlsx");
        })
            .WithName("exportPortfolioXlsx").WithSummary("The portfolio and step statistics as an Excel workbook")
            .ProducesFile(OpenApiModule.Xlsx);
        return app;
    }
}
