using System.Net;
using System.Net.Http.Json;
using System.Text;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Pages;
using WorkingGroups.IntegrationTests.Processes;
using WorkingGroups.Web.Dashboards;

namespace WorkingGroups.IntegrationTests.Security;

/// <summary>What people typed comes back out as text: never as markup on a page, never as a formula in a spreadsheet.</summary>
public sealed class OutputSafetyTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public OutputSafetyTests(AppFactory factory) => _factory = factory;

    // Every prefix a spreadsheet reads as the start of a formula (OWASP's CSV injection list).
    private static readonly string[] Prefixes = ["=", "+", "-", "@", "\t", "\r"];

    public static TheoryData<string> FormulaPrefixes => new(Prefixes);

    [Theory]
    [MemberData(nameof(FormulaPrefixes))]
    public void A_text_cell_that_starts_like_a_formula_is_kept_as_text(string prefix)
    {
        var cell = Csv.Cell(prefix + "SUM(A1:A9)");
        Assert.Contains("'" + prefix + "SUM(A1:A9)", cell);
        Assert.False(cell.TrimStart('"').StartsWith(prefix, StringComparison.Ordinal), $"the cell still starts with the prefix: {cell}");
    }

    [Fact]
    public void Numbers_and_dates_are_not_touched()
    {
        Assert.Equal("-5", Csv.Cell(-5));
        Assert.Equal("2025-09-01", Csv.Cell(new DateOnly(2025, 9, 1)));
        Assert.Equal("Kazakhstan", Csv.Cell("Kazakhstan"));
    }

    [Fact]
    public async Task Exports_neutralise_formulas_in_titles_names_and_reasons()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        // Titles are trimmed when stored, so a tab or carriage return in front never reaches the export (the cell test covers them).
        var printable = Prefixes.Where(p => !char.IsWhiteSpace(p[0])).ToList();
        foreach (var prefix in printable)
        {
            await client.Start("kz-establishment", "2025-09-01", prefix + "HYPERLINK(\"http://x\")");
        }
        var process = await client.Start("kz-establishment", "2025-09-01", "Kazakhstan");
        process = await client.Complete(process, "start-procedure", "2025-09-08");
        process = await client.Complete(process, "draft-order", "2025-09-29");
        process = await client.Complete(process, "letter-to-minister", "2025-10-13");
        await (await client.TryAnswer(process, "invitations", "cerc-menr", new
        {
            response = "accepted", respondedOn = "2025-10-20",
            nominee = new { name = "=cmd|' /C calc'!A0", position = "@SUM(1)", email = "rep@example.org" },
        })).Json(HttpStatusCode.OK);
        await (await client.TryAnswer(process, "invitations", "iwac", new { response = "declined", respondedOn = "2025-10-21", reason = "+1+1" })).Json(HttpStatusCode.OK);

        var steps = await Text(client, "/api/v1/exports/steps.csv");
        foreach (var prefix in printable)
        {
            Assert.Contains("'" + prefix + "HYPERLINK(", steps);
            Assert.DoesNotContain("," + prefix + "HYPERLINK(", steps);
            Assert.DoesNotContain(",\"" + prefix + "HYPERLINK(", steps);
        }
        var invitations = await Text(client, "/api/v1/exports/invitations.csv");
        Assert.Contains("'=cmd|", invitations);
        Assert.Contains("'+1+1", invitations);
        Assert.DoesNotContain(",=cmd", invitations);
        Assert.DoesNotContain(",+1+1", invitations);
    }

    [Fact]
    public async Task Markup_in_titles_notes_evidence_and_nominees_is_shown_as_text_on_the_pages()
    {
        const string markup = "<img src=x onerror=alert(1)>";
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var process = await client.Start("kz-establishment", "2025-09-01", "WG " + markup);
        var id = ProcessApi.Id(process);
        await (await client.TryComplete(process, "start-procedure", new
        {
            completedOn = "2025-09-08", note = "Note " + markup,
            evidence = new[] { new { title = "Order " + markup, number = "No. " + markup, date = "2025-09-08" } },
        })).Json(HttpStatusCode.OK);

        var page = await PageSession.SignedIn(_factory, "Observer");
        foreach (var path in new[] { "/processes", $"/processes/{id}", "/dashboard", "/dashboard/steps" })
        {
            await page.Get(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("<img src=x", page.Html);
        }
        await page.Get($"/processes/{id}");
        Assert.Contains("WG &lt;img src=x onerror=alert(1)&gt;", page.Html);
        Assert.Contains("Note &lt;img src=x", page.Html);
        Assert.Contains("Order &lt;img src=x", page.Html);
    }

    private static async Task<string> Text(HttpClient client, string path)
    {
        var bytes = await client.GetByteArrayAsync(path);
        return Encoding.UTF8.GetString(bytes);
    }
}
