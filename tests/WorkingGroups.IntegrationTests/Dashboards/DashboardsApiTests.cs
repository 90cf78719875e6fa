using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Dashboards;

/// <summary>Hand-worked figures: two Kazakh processes with known dates, read as of 1 November 2025.</summary>
public sealed class DashboardsApiTests : IClassFixture<DashboardsApiTests.TwoKazakhProcesses>
{
    public sealed class TwoKazakhProcesses : AppFactory
    {
        public HttpClient Client { get; private set; } = null!;

        public async Task EnsureAsync()
        {
            if (Client is not null) return;
            var client = await this.ClientFor("Coordinator", "KZ");
            var a = await client.Start("kz-establishment", "2025-09-01", "Kazakhstan A");
            await client.Complete(a, "start-procedure", "2025-09-05");       // 4 days
            await client.Complete(a, "draft-order", "2025-09-20");           // 15 days
            await client.Complete(a, "letter-to-minister", "2025-10-01");    // 11 days
            await client.Accept(a, "invitations", "iwac", "2025-10-06");     // answered in 5 days
            var b = await client.Start("kz-establishment", "2025-09-01", "=Kazakhstan B");
            await client.Complete(b, "start-procedure", "2025-09-11");       // 10 days
            await client.Complete(b, "draft-order", "2025-10-16");           // 35 days, over the 21-day benchmark
            await client.Complete(b, "letter-to-minister", "2025-10-20");    // 4 days
            await client.Accept(b, "invitations", "iwac", "2025-10-30");     // answered in 10 days
            Client = client;
        }
    }

    private readonly TwoKazakhProcesses _app;

    public DashboardsApiTests(TwoKazakhProcesses app) => _app = app;

    private async Task<JsonElement> Get(string path)
    {
        await _app.EnsureAsync();
        return await (await _app.Client.GetAsync(path)).Json(HttpStatusCode.OK);
    }

    private static JsonElement Step(JsonElement steps, string id) => steps.EnumerateArray().Single(s => s.GetProperty("stepId").GetString() == id);

    [Fact]
    public async Task Bottlenecks_give_count_median_p90_and_max_and_name_the_processes_over_the_benchmark()
    {
        var steps = (await Get("/api/v1/dashboards/steps?asOf=2025-11-01")).GetProperty("steps");
        var start = Step(steps, "start-procedure");
        Assert.Equal(2, start.GetProperty("count").GetInt32());
        Assert.Equal(7, start.GetProperty("medianDays").GetDouble());
        Assert.Equal(9.4, start.GetProperty("p90Days").GetDouble(), 3);
        Assert.Equal(10, start.GetProperty("maxDays").GetInt32());
        Assert.False(start.GetProperty("medianOverTarget").GetBoolean());

        var draft = Step(steps, "draft-order");
        Assert.Equal(25, draft.GetProperty("medianDays").GetDouble());
        Assert.True(draft.GetProperty("medianOverTarget").GetBoolean());
        var exceeded = Assert.Single(draft.GetProperty("exceeded").EnumerateArray());
        Assert.Equal("=Kazakhstan B", exceeded.GetProperty("processTitle").GetString());
        Assert.Equal(35, exceeded.GetProperty("days").GetInt32());

        var invitations = Step(steps, "invitations");
        Assert.Equal(2, invitations.GetProperty("running").GetInt32());
        Assert.Equal(31, invitations.GetProperty("maxDays").GetInt32()); // open since 1 October
    }

    [Fact]
    public async Task The_portfolio_as_of_a_past_date_shows_what_was_then_current()
    {
        var rows = (await Get("/api/v1/dashboards/portfolio?asOf=2025-09-15")).GetProperty("processes");
        Assert.Equal(2, rows.GetArrayLength());
        var a = rows.EnumerateArray().Single(r => r.GetProperty("title").GetString() == "Kazakhstan A");
        Assert.Equal(14, a.GetProperty("elapsedDays").GetInt32());
        Assert.Equal(120, a.GetProperty("benchmarkDays").GetInt32());
        Assert.Equal("active", a.GetProperty("status").GetString());
        Assert.Equal("on-track", a.GetProperty("state").GetString());
        Assert.Equal(["draft-order"], a.GetProperty("currentSteps").EnumerateArray().Select(s => s.GetString()));

        var before = (await Get("/api/v1/dashboards/portfolio?asOf=2025-08-31")).GetProperty("processes");
        Assert.Equal(0, before.GetArrayLength());
    }

    [Fact]
    public async Task Agencies_show_how_fast_each_body_answers_and_what_is_pending()
    {
        var agencies = (await Get("/api/v1/dashboards/agencies?asOf=2025-11-01")).GetProperty("agencies");
        var iwac = agencies.EnumerateArray().Single(x => x.GetProperty("bodyId").GetString() == "iwac");
        Assert.Equal(2, iwac.GetProperty("answered").GetInt32());
        Assert.Equal(7.5, iwac.GetProperty("medianDaysToAnswer").GetDouble());
        var wic = agencies.EnumerateArray().Single(x => x.GetProperty("bodyId").GetString() == "wic");
        Assert.Equal(2, wic.GetProperty("pending").GetInt32());
        Assert.Equal(31, wic.GetProperty("longestPendingDays").GetInt32());
    }

    [Fact]
    public async Task Countries_compare_phases_against_the_benchmark()
    {
        var kz = Assert.Single((await Get("/api/v1/dashboards/countries?asOf=2025-11-01")).GetProperty("countries").EnumerateArray());
        Assert.Equal(120, kz.GetProperty("benchmarkDays").GetInt32());
        Assert.Equal(2, kz.GetProperty("active").GetInt32());
        var draft = kz.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("stepId").GetString() == "draft-order");
        Assert.Equal(25, draft.GetProperty("medianDays").GetDouble());
    }

    [Fact]
    public async Task The_step_csv_opens_in_excel_and_neutralises_formulas()
    {
        await _app.EnsureAsync();
        var response = await _app.Client.GetAsync("/api/v1/exports/steps.csv?asOf=2025-11-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("process_id,process,country,step_id,step,step_ru,kind", lines[0]);
        Assert.Contains(lines, l => l.Contains(",draft-order,Prepare the draft order and provisions on the WG,Подготовка проекта приказа")); // both languages, as for bodies
        Assert.Equal(1 + 8, lines.Length); // four started steps in each process
        Assert.Contains(lines, l => l.Contains(",'=Kazakhstan B,KZ,draft-order,") && l.Contains(",2025-09-11,2025-10-16,35,21,overdue,no"));
        Assert.DoesNotContain(lines, l => l.Contains(",=Kazakhstan"));
    }

    [Fact]
    public async Task The_portfolio_workbook_has_the_portfolio_and_step_sheets_with_numbers_as_numbers_and_no_formula()
    {
        await _app.EnsureAsync();
        var response = await _app.Client.GetAsync("/api/v1/exports/portfolio.xlsx?asOf=2025-11-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        var names = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Portfolio", "Steps"], names);
        var portfolio = workbook.WorksheetParts.First().Worksheet;
        var rows = portfolio.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.Equal(3, rows.Count); // header and two processes
        Assert.Empty(portfolio.Descendants<DocumentFormat.OpenXml.Spreadsheet.CellFormula>());
        var b = rows.Single(r => r.InnerText.Contains("=Kazakhstan B"));
        var elapsed = b.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(5);
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, elapsed.DataType!.Value);
        Assert.Equal("61", elapsed.CellValue!.Text);
    }

    [Fact]
    public async Task The_workbook_is_written_in_the_readers_language()
    {
        await _app.EnsureAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exports/portfolio.xlsx?asOf=2025-11-01");
        request.Headers.AcceptLanguage.ParseAdd("ru-RU");
        var response = await _app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var workbook = document.WorkbookPart!;
        Assert.Equal(["Процессы", "Шаги"], workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
        var rows = workbook.WorksheetParts.First().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.StartsWith("СтранаПроцессСтатус", rows[0].InnerText);
        var b = rows.Single(r => r.InnerText.Contains("=Kazakhstan B"));
        Assert.StartsWith("Казахстан", b.InnerText);
        Assert.Contains("в работе", b.InnerText);
        Assert.DoesNotContain("active", b.InnerText);
    }

    [Fact]
    public async Task The_invitations_csv_lists_each_invitation_with_its_answer()
    {
        await _app.EnsureAsync();
        var text = Encoding.UTF8.GetString(await _app.Client.GetByteArrayAsync("/api/v1/exports/invitations.csv?asOf=2025-11-01"));
        Assert.Contains("iwac", text);
        Assert.Contains("accepted,2025-10-01,2025-10-06", text);
        Assert.Equal(1 + 16, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task The_pages_show_the_same_figures_with_the_median_over_target_in_red()
    {
        await _app.EnsureAsync();
        var page = await Pages.PageSession.SignedIn(_app, "Observer");
        await page.Get("/dashboard/steps?asOf=2025-11-01&country=KZ");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<td class=\"number heat over\">25</td>", page.Html);        // draft order: median 25 > 21
        Assert.Contains("<td class=\"number heat under\">7</td>", page.Html);        // start: median 7 of 14
        foreach (var path in new[] { "/dashboard", "/dashboard/countries", "/dashboard/agencies" })
            Assert.Equal(HttpStatusCode.OK, (await page.Get(path + "?asOf=2025-11-01")).Status);

        await page.Get("/dashboard?asOf=2999-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("2999-01-01", page.Html);
    }

    [Fact]
    public async Task The_process_timeline_has_a_bar_per_started_step_coloured_by_its_state()
    {
        await _app.EnsureAsync();
        var b = (await Get("/api/v1/processes?country=KZ")).EnumerateArray().Single(p => p.GetProperty("title").GetString() == "=Kazakhstan B");
        var page = await Pages.PageSession.SignedIn(_app, "Observer");
        await page.Get($"/processes/{ProcessApi.Id(b)}");
        var bars = System.Text.RegularExpressions.Regex.Matches(page.Html, "<g class=\"bar\" data-step=\"([^\"]+)\">[\\s\\S]*?class=\"(ontrack|atrisk|overdue)\"");
        Assert.Equal(["process", "start-procedure", "draft-order", "letter-to-minister", "invitations"], bars.Select(m => m.Groups[1].Value));
        Assert.Equal("overdue", bars.Single(m => m.Groups[1].Value == "draft-order").Groups[2].Value);
        Assert.Equal("ontrack", bars.Single(m => m.Groups[1].Value == "start-procedure").Groups[2].Value);
    }

    [Fact]
    public async Task A_future_date_or_no_sign_in_is_refused()
    {
        await _app.EnsureAsync();
        var future = await _app.Client.GetAsync("/api/v1/dashboards/portfolio?asOf=2999-01-01");
        var problem = await future.Json(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("asOf", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/v1/dashboards/steps")).StatusCode);
    }
}
