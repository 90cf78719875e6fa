using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WorkingGroups.IntegrationTests.Browser;

/// <summary>
/// A reviewer asks when Uzbekistan's group will exist: the process page and the portfolio show the forecast, in English
/// and in Russian, the charts are images with a title and a description, and they fit an A4 page. Screenshots are kept.
/// </summary>
public sealed class ForecastBrowserTests
{
    [Fact]
    public async Task The_process_page_and_the_portfolio_show_the_forecast_in_English_and_Russian()
    {
        await using var server = await Browser.StartWithReviewerAsync("forecast");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Url, Locale = "en-GB" })).NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) blocked.Add(message.Text); };
        await page.SignInAsReviewerAsync();
        await page.SetViewportSizeAsync(1280, 900);

        foreach (var (language, summary, chartTitle) in new[]
        {
            ("en", "Likely established on", "Processes against their benchmarks, with the forecast"),
            ("ru", "Вероятная дата создания группы", "Процессы и их ориентиры, с прогнозом"),
        })
        {
            // Uzbekistan's sample is still running: its page says when it will likely end, and draws the band.
            await page.GotoAsync("/processes?country=UZ");
            await Expect(page.Locator("table.processes td.forecast").First).ToContainTextAsync("80 %");
            await page.Locator("table.processes a").First.ClickAsync();
            var forecast = page.Locator("section#forecast");
            await Expect(forecast).ToContainTextAsync(summary);
            await Expect(forecast).ToContainTextAsync(new Regex(@"\d{2}[./-]\d{2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}"));
            await Expect(page.Locator("figure.timeline g.forecast rect.forecast-band")).ToHaveCountAsync(1);
            await page.ShotAsync($"forecast-process-{language}");

            // The portfolio: a time chart with a row per process and the running one's band, and the forecast column.
            await page.GotoAsync("/dashboard");
            var chart = page.Locator("#portfolio-chart svg[role=img]");
            await Expect(chart.Locator("title").First).ToHaveTextAsync(chartTitle);
            await Expect(chart.Locator("desc")).Not.ToBeEmptyAsync();
            await Expect(chart.Locator("g.process")).ToHaveCountAsync(3);
            await Expect(chart.Locator("g.process rect.forecast-band")).ToHaveCountAsync(1);
            await Expect(page.Locator("table.portfolio td.forecast", new() { HasText = "80 %" })).ToHaveCountAsync(1);
            await page.ShotAsync($"forecast-portfolio-{language}");

            // Printed on A4 (about 700 px between the margins), the chart shrinks to the page instead of being cut.
            await page.SetViewportSizeAsync(700, 1000);
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            var (box, room) = (await chart.BoundingBoxAsync(), await page.Locator("main").BoundingBoxAsync());
            Assert.True(box!.Width <= room!.Width, $"the printed chart is {box.Width} px wide on a page of {room.Width} px");
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await page.SetViewportSizeAsync(1280, 900);

            // Countries side by side, and each step's spread.
            await page.GotoAsync("/dashboard/countries");
            await Expect(page.Locator("#countries-chart svg[role=img] g.country")).ToHaveCountAsync(3);
            await Expect(page.Locator("#countries-chart g.country[data-country=UZ] rect.forecast")).ToHaveCountAsync(1);
            await page.ShotAsync($"forecast-countries-{language}");
            await page.GotoAsync("/dashboard/steps");
            await Expect(page.Locator("#steps-chart svg[role=img] circle").First).ToBeVisibleAsync();
            await page.ShotAsync($"forecast-steps-{language}");

            if (language == "en") await page.GetByRole(AriaRole.Button, new() { Name = "Русский" }).ClickAsync();
        }
        Assert.Empty(blocked);
    }
}
