using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkingGroups.IntegrationTests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace WorkingGroups.IntegrationTests.Browser;

/// <summary>A reviewer opens every dashboard on the sample histories, in a real browser, and keeps screenshots.</summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task Each_dashboard_opens_on_the_samples_and_the_timeline_draws_a_coloured_bar_per_step()
    {
        var data = Directory.CreateTempSubdirectory("wg-dashboards-").FullName;
        await AppProcess.RunAsync(["user", "add", "--email", "reviewer@example.org", "--role", "Observer", "--password", "Correct-horse-42"],
            new Dictionary<string, string> { ["Data__Folder"] = data, ["Samples__Load"] = "false" }, TimeSpan.FromSeconds(60));
        // The samples load on this first start: the database has users but no process yet.
        await using var server = await RunningApp.StartAsync(data, TimeSpan.FromSeconds(120), new Dictionary<string, string>());
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Url, Locale = "en-GB" })).NewPageAsync();
        // Chromium reports on the console whatever the Content-Security-Policy blocked: nothing may be.
        var blocked = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) blocked.Add(message.Text); };

        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync("reviewer@example.org");
        await page.GetByLabel("Password").FillAsync("Correct-horse-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The home page a reviewer lands on: what needs attention across the sample countries. It is the README's picture.
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What needs attention");
        await Expect(page.Locator("main table tbody tr").First).ToBeVisibleAsync();
        await page.ShotAsync("home");
        if (Environment.GetEnvironmentVariable("WG_WRITE_README_SCREENSHOT") == "1")
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppProcess.RepositoryRoot(), "docs", "images", "home.png") });

        await page.GotoAsync("/dashboard");
        await Expect(page.Locator("table.portfolio tbody tr")).ToHaveCountAsync(3); // Kazakhstan, Tajikistan, Uzbekistan
        await page.ShotAsync("dashboard-portfolio");

        // Printed, the report keeps its table and drops the filters form.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("main form.filters")).ToBeHiddenAsync();
        await Expect(page.Locator("table.portfolio")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync("/dashboard/steps");
        await Expect(page.Locator("table.heatmap td.heat.over").First).ToBeVisibleAsync(); // Uzbekistan's overdue nominations
        await page.ShotAsync("dashboard-steps");

        await page.GotoAsync("/dashboard/countries");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveCountAsync(3);
        // Side by side first: Kazakhstan's 127 days to establish is red against its 120.
        var kazakhstan = page.Locator("table.countries tbody tr", new() { HasText = "Kazakhstan" });
        await Expect(page.Locator("table.countries tbody tr")).ToHaveCountAsync(3);
        await Expect(kazakhstan.Locator("td.heat")).ToHaveClassAsync(new Regex(@"\bover\b"));
        await Expect(kazakhstan.Locator("td.heat")).ToHaveTextAsync("127 d");
        await page.ShotAsync("dashboard-countries");

        await page.GotoAsync("/dashboard/agencies");
        await Expect(page.Locator("main table tbody tr").First).ToBeVisibleAsync();
        await page.ShotAsync("dashboard-agencies");

        // The list says when a process ended: the established Kazakh sample's status carries its date.
        await page.GotoAsync("/processes?country=KZ");
        await Expect(page.Locator("main table tbody tr td").Nth(2)).ToHaveTextAsync(new Regex(@"^\s*established\s*\d{4}-\d{2}-\d{2}\s*$"));

        // The established Kazakh sample: a bar for the whole process and one per step, each coloured by its state.
        await page.GotoAsync("/dashboard?country=KZ");
        await page.Locator("table.portfolio a").First.ClickAsync();
        var bars = page.Locator("figure.timeline g.bar rect");
        await Expect(bars).ToHaveCountAsync(6);
        for (var i = 0; i < 6; i++)
            await Expect(bars.Nth(i)).ToHaveAttributeAsync("class", new Regex("^(ontrack|atrisk|overdue)$"));
        var fill = await bars.First.EvaluateAsync<string>("r => getComputedStyle(r).fill");
        Assert.Matches(@"^rgb\(", fill); // the stylesheet colours it
        await page.ShotAsync("process-timeline");

        // On A4 paper (about 700 px between the margins) the 820 px chart shrinks to the page instead of being cut.
        await page.SetViewportSizeAsync(700, 1000);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var (chart, room) = (await page.Locator("figure.timeline svg").BoundingBoxAsync(), await page.Locator("main").BoundingBoxAsync());
        Assert.True(chart!.Width <= room!.Width, $"the printed timeline is {chart.Width} px wide on a page of {room.Width} px");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.SetViewportSizeAsync(1280, 720);

        // The same page in Russian.
        await page.GetByRole(AriaRole.Button, new() { Name = "Русский" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Хронология" })).ToBeVisibleAsync();
        await Expect(page.Locator("main p.meta").First).ToContainTextAsync("Казахстан ·"); // the country by its Russian name
        Assert.Empty(blocked);
    }
}
