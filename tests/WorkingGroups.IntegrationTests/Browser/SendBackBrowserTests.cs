using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkingGroups.IntegrationTests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace WorkingGroups.IntegrationTests.Browser;

/// <summary>A coordinator sends the draft order back for revision from the process page, in a real browser.</summary>
public sealed class SendBackBrowserTests
{
    [Fact]
    public async Task A_draft_order_returned_with_comments_is_sent_back_and_its_rounds_are_shown()
    {
        var data = Directory.CreateTempSubdirectory("wg-browser-").FullName;
        await AppProcess.RunAsync(["user", "add", "--email", "coordinator@example.org", "--role", "Coordinator", "--country", "KZ", "--password", "Correct-horse-42"],
            new Dictionary<string, string> { ["Data__Folder"] = data }, TimeSpan.FromSeconds(60));
        await using var server = await RunningApp.StartAsync(data, TimeSpan.FromSeconds(90));
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", BaseURL = server.Url });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync("coordinator@example.org");
        await page.GetByLabel("Password").FillAsync("Correct-horse-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync("/processes/new");
        await page.GetByLabel("Establishment process").SelectOptionAsync("kz-establishment");
        await page.GetByLabel("Started on").FillAsync("2026-01-12");
        await page.GetByLabel("Title").FillAsync("Kazakhstan working group");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a process" }).ClickAsync();
        await CompleteAsync(page, "start-procedure", "2026-01-19");
        await CompleteAsync(page, "draft-order", "2026-02-09");
        await Expect(page.Locator("#step-letter-to-minister .badge")).ToHaveTextAsync("active");

        // A date before the completion is refused next to the field, and nothing changes.
        await page.Locator("#step-draft-order summary", new() { HasText = "Send back for revision" }).ClickAsync();
        var form = page.Locator("form[data-form='send-back:draft-order']");
        await form.GetByLabel("Sent back on").FillAsync("2026-02-01");
        await form.GetByLabel("Reason (the comments received)").FillAsync("Comments of the Ministry of Justice");
        await form.GetByRole(AriaRole.Button).ClickAsync();
        form = page.Locator("form[data-form='send-back:draft-order']");
        await Expect(form.Locator("label:has(input[name='Input.Date']) + span.error")).ToContainTextAsync("before the step");
        await Expect(form.GetByLabel("Reason (the comments received)")).ToHaveValueAsync("Comments of the Ministry of Justice");
        await Expect(page.Locator("#step-draft-order .badge")).ToHaveTextAsync("done");

        await form.GetByLabel("Sent back on").FillAsync("2026-02-16");
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#step-draft-order .badge")).ToHaveTextAsync("active");
        await Expect(page.Locator("#step-letter-to-minister .badge")).ToHaveTextAsync("waiting");
        await Expect(page.Locator("#step-draft-order ol.rounds")).ToContainTextAsync("sent back on 2026-02-16: Comments of the Ministry of Justice");

        // The second round: the letter to the Minister opens on its completion, and the step counts both rounds.
        await CompleteAsync(page, "draft-order", "2026-03-02");
        await Expect(page.Locator("#step-letter-to-minister")).ToContainTextAsync("2026-03-02");
        await Expect(page.Locator("#step-draft-order")).ToContainTextAsync("35 of 21 days");

        await page.GetByRole(AriaRole.Button, new() { Name = "Русский" }).ClickAsync();
        await Expect(page.Locator("#step-draft-order ol.rounds")).ToContainTextAsync("возвращён на доработку 16.02.2026");
        await Expect(page.Locator("table.audit")).ToContainTextAsync("возвращён на доработку");
        await page.ShotAsync("send-back-ru");
        Assert.Matches(new Regex("/processes/[0-9a-f-]+"), page.Url);
    }

    private static async Task CompleteAsync(IPage page, string step, string date)
    {
        var form = page.Locator($"form[data-form='complete:{step}']");
        await form.GetByLabel("Date completed").FillAsync(date);
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator($"#step-{step} .badge")).ToHaveTextAsync("done");
    }
}
