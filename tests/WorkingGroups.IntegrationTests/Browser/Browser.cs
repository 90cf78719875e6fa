using Microsoft.Playwright;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download: `.ci/run` installs the chromium package).
/// Screenshots go to artifacts/screenshots at the repository root.
/// </summary>
public static class Browser
{
    public const string Chromium = "/usr/bin/chromium";

    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppProcess.RepositoryRoot(), "artifacts", "screenshots")).FullName;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // The closed network refuses Chromium's background connections; these keep it quiet and quick.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    public static Task ShotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public const string Reviewer = "reviewer@example.org", ReviewerPassword = "Correct-horse-42";

    /// <summary>A fresh app with one observer (<see cref="Reviewer"/>); the samples load on its first start.</summary>
    public static async Task<RunningApp> StartWithReviewerAsync(string name)
    {
        var data = Directory.CreateTempSubdirectory($"wg-{name}-").FullName;
        await AppProcess.RunAsync(["user", "add", "--email", Reviewer, "--role", "Observer", "--password", ReviewerPassword],
            new Dictionary<string, string> { ["Data__Folder"] = data, ["Samples__Load"] = "false" }, TimeSpan.FromSeconds(60));
        // The samples load on this first start: the database has users but no process yet.
        return await RunningApp.StartAsync(data, TimeSpan.FromSeconds(120), new Dictionary<string, string>());
    }

    /// <summary>Signs the reviewer in through the English sign-in page.</summary>
    public static async Task SignInAsReviewerAsync(this IPage page)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("E-mail").FillAsync(Reviewer);
        await page.GetByLabel("Password").FillAsync(ReviewerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
