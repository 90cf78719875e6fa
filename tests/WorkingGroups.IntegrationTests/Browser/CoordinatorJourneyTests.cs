using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WorkingGroups.IntegrationTests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace WorkingGroups.IntegrationTests.Browser;

/// <summary>A coordinator's morning in a real browser against the real app on loopback.</summary>
public sealed class CoordinatorJourneyTests
{
    [Fact]
    public async Task A_coordinator_walks_a_kazakh_process_and_reads_it_in_russian()
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

        // Sign in; the processes page asks for it first.
        await page.GotoAsync("/processes");
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await page.GetByLabel("E-mail").FillAsync("coordinator@example.org");
        await page.GetByLabel("Password").FillAsync("Correct-horse-42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Processes" })).ToBeVisibleAsync();

        // Start a Kazakhstan process.
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a process" }).ClickAsync();
        await page.GetByLabel("Establishment process").SelectOptionAsync("kz-establishment");
        await page.GetByLabel("Started on").FillAsync("2025-09-01");
        await page.GetByLabel("Title").FillAsync("Kazakhstan working group");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a process" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kazakhstan working group" })).ToBeVisibleAsync();

        // Complete the first steps with their dates and letter numbers.
        await CompleteAsync(page, "start-procedure", "2025-09-05", "Order 12");
        await CompleteAsync(page, "draft-order", "2025-09-20", "Draft 7/2025");
        await CompleteAsync(page, "letter-to-minister", "2025-10-01", "ISC-1043");
        await Expect(page.Locator("#step-draft-order")).ToContainTextAsync("completed 2025-09-20");
        await page.ShotAsync("process-en");

        // Record two invitation answers.
        await page.Locator("#invitation-iwac + tr summary").ClickAsync();
        var accept = page.Locator("form[data-form='answer:invitations:iwac']");
        await accept.GetByLabel("Date of the answer").FillAsync("2025-10-06");
        await accept.GetByLabel("Representative's name").FillAsync("Aigerim Sadykova");
        await accept.GetByLabel("Position").FillAsync("Head of division");
        await accept.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();
        await Expect(page.Locator("#invitation-iwac")).ToContainTextAsync("Aigerim Sadykova");

        await page.Locator("#invitation-wic + tr summary").ClickAsync();
        var decline = page.Locator("form[data-form='answer:invitations:wic']");
        await decline.GetByRole(AriaRole.Radio, new() { Name = "Declined" }).CheckAsync();
        await decline.GetByLabel("Date of the answer").FillAsync("2025-10-09");
        await decline.GetByLabel("Reason (if declined)").FillAsync("Outside our mandate");
        await decline.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();
        await Expect(page.Locator("#invitation-wic")).ToContainTextAsync("declined");

        // A date in the future is refused next to the field, keeping what was typed.
        await page.Locator("#invitation-dmc-mfa + tr summary").ClickAsync();
        var future = page.Locator("form[data-form='answer:invitations:dmc-mfa']");
        await future.GetByLabel("Date of the answer").FillAsync("2099-01-01");
        await future.GetByLabel("Representative's name").FillAsync("Someone Early");
        await future.GetByRole(AriaRole.Button, new() { Name = "Save the answer" }).ClickAsync();
        var form = page.Locator("form[data-form='answer:invitations:dmc-mfa']");
        await Expect(form.Locator("label:has(input[name='Input.Date']) + span.error")).ToContainTextAsync("2099-01-01 is in the future");
        await Expect(form.GetByLabel("Representative's name")).ToHaveValueAsync("Someone Early");
        await page.ShotAsync("future-date-error");

        // Switch to Russian: the same page, in Russian, with Russian dates.
        await page.GetByRole(AriaRole.Button, new() { Name = "Русский" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Журнал изменений" })).ToBeVisibleAsync();
        await Expect(page.Locator("#step-draft-order")).ToContainTextAsync("выполнен 20.09.2025");
        await Expect(page.Locator("#step-start-procedure h3")).ToContainTextAsync("Начало процедуры");
        await page.ShotAsync("process-ru");

        await page.GotoAsync("/processes");
        await Expect(page.Locator("table.processes")).ToContainTextAsync("Kazakhstan working group");
        await page.ShotAsync("processes-ru");
        await page.GotoAsync("/definitions/kz-establishment");
        await Expect(page.Locator("figure.diagram svg")).ToBeVisibleAsync();
        await page.ShotAsync("definition-ru");

        // The home page opens on what needs attention: the invitations step long overdue, the bodies still silent.
        await page.Locator("a.brand").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Что требует внимания" })).ToBeVisibleAsync();
        await Expect(page.Locator("#late-steps tr[data-step='invitations']")).ToContainTextAsync("просрочено");
        await Expect(page.Locator("#silent-bodies tr[data-body]")).ToHaveCountAsync(6); // eight invited, two answered (the future date was refused)
        await Expect(page.Locator("#silent-bodies tr[data-body='iwac']")).ToHaveCountAsync(0);
        await page.ShotAsync("attention-ru");
        // A body's name leads to its invitation on the process page, where a reminder can be sent or recorded.
        await page.Locator("#silent-bodies tr[data-body='dmc-mfa'] a[href$='#invitation-dmc-mfa']").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kazakhstan working group" })).ToBeVisibleAsync();
        await Expect(page.Locator("#invitation-dmc-mfa")).ToBeInViewportAsync();
    }

    private static async Task CompleteAsync(IPage page, string step, string date, string number)
    {
        var form = page.Locator($"form[data-form='complete:{step}']");
        await form.GetByLabel("Date completed").FillAsync(date);
        await form.GetByLabel("Number").FillAsync(number);
        await form.GetByLabel("Document", new() { Exact = true }).FillAsync("Letter");
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator($"#step-{step} .badge")).ToHaveTextAsync("done");
    }
}
