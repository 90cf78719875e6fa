using Microsoft.Playwright;
using WorkingGroups.IntegrationTests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace WorkingGroups.IntegrationTests.Browser;

/// <summary>
/// A reviewer chooses Kazakh, then Tajik, with the switcher and reads the home page, a process of that country and a
/// dashboard in it, in a real browser; screenshots are kept for a native speaker's review.
/// </summary>
public sealed class LanguageBrowserTests
{
    [Fact]
    public async Task The_home_page_a_process_and_a_dashboard_read_in_kazakh_and_in_tajik()
    {
        await using var server = await Browser.StartWithReviewerAsync("languages");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await (await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Url, Locale = "en-GB" })).NewPageAsync();

        await page.SignInAsReviewerAsync();

        // The switcher names each language in itself.
        var switcher = page.Locator("form[action='/culture'] button");
        await Expect(switcher).ToHaveTextAsync(["English", "Русский", "Қазақша", "Тоҷикӣ"]);

        await ReadAsync(page, "Қазақша", "kk", "KZ",
            home: ["Қалдық қоймаларының қауіпсіздігі жөніндегі жұмыс топтары", "Назар аударуды қажет ететіндер"],
            process: ["Жұмыс тобының құрамын бекіту", "Өзгерістер журналы", "Қазақстан Республикасы Төтенше жағдайлар министрлігінің"],
            dashboard: ["Барлық процестер", "Қазақстан", "Тәжікстан"]);
        await ReadAsync(page, "Тоҷикӣ", "tg", "TJ",
            home: ["Гурӯҳҳои корӣ оид ба бехатарии партовгоҳҳои пасмонда", "Чӣ диққатро талаб мекунад"],
            process: ["Тасдиқи ҳайати гурӯҳи корӣ", "Дафтари тағйирот", "Ҳукумати Ҷумҳурии Тоҷикистон"],
            dashboard: ["Ҳамаи равандҳо", "Тоҷикистон", "Қазоқистон"]);
    }

    /// <summary>Chooses the language, then reads each page's key words and keeps its screenshot.</summary>
    private static async Task ReadAsync(IPage page, string name, string language, string country, string[] home, string[] process, string[] dashboard)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        foreach (var words in home) await Expect(page.Locator("body")).ToContainTextAsync(words);
        await page.ShotAsync($"{language}-home");

        await page.GotoAsync($"/processes?country={country}");
        await page.Locator("main table tbody a").First.ClickAsync();
        foreach (var words in process) await Expect(page.Locator("main")).ToContainTextAsync(words);
        await Expect(page.Locator("main")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d\d\.\d\d\.\d{4}")); // dd.MM.yyyy
        await page.ShotAsync($"{language}-process");

        await page.GotoAsync("/dashboard");
        foreach (var words in dashboard) await Expect(page.Locator("main")).ToContainTextAsync(words);
        await page.ShotAsync($"{language}-dashboard");
    }
}
