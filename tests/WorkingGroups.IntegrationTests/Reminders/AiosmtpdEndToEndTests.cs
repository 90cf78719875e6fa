using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using Microsoft.Playwright;
using WorkingGroups.IntegrationTests.Browser;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>
/// The running app against Debian's aiosmtpd on loopback (not our in-process server): the reminder arrives in the
/// mailbox with the right recipient, subject and language, and its link opens the answer page. `.ci/run` installs
/// python3-aiosmtpd.
/// </summary>
public sealed partial class AiosmtpdEndToEndTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task A_reminder_reaches_a_real_smtp_server_and_its_link_opens_the_answer_page()
    {
        await WithSmtpAsync(async (app, client, maildir) =>
        {
            var (process, message) = await RemindAsync(app, client, maildir);
            Assert.Contains("dles.mes@example.org", message.To.Mailboxes.Select(m => m.Address));
            Assert.Matches("[А-Яа-я]", message.Subject); // the body writes in Russian
            var link = LinkPattern().Match(message.TextBody ?? "");
            Assert.True(link.Success, "no answer link in:\n" + message.TextBody);

            using var browser = new HttpClient { BaseAddress = app.Address };
            var page = await browser.GetAsync(link.Groups[1].Value);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<form", await page.Content.ReadAsStringAsync());

            var reminders = (await (await client.GetAsync($"/api/v1/processes/{ProcessApi.Id(process)}/reminders")).Json(HttpStatusCode.OK)).GetProperty("reminders");
            Assert.Contains(reminders.EnumerateArray(), r => r.GetProperty("bodyId").GetString() == "dles-mes" && r.Status() == "sent");
        });
    }

    [Fact]
    public async Task A_kazakh_body_receives_its_reminder_in_kazakh_with_russian_beneath_and_answers_in_kazakh_through_its_link()
    {
        // Kazakhstan's definition with the silent body writing Kazakh, and Russian beneath as its definition asks.
        var definitions = WorkflowsCopy.WithKazakhAndRussianBody("wg-kk-definitions-");

        await WithSmtpAsync(async (app, client, maildir) =>
        {
            var (_, message) = await RemindAsync(app, client, maildir);
            Assert.StartsWith("Еске салу: Қазақстан Республикасы Төтенше жағдайлар министрлігінің Төтенше жағдайларды жою департаменті", message.Subject);
            Assert.Contains(" / Напоминание: Департамент ликвидации чрезвычайных ситуаций", message.Subject);
            Assert.StartsWith("Құрметті әріптестер!", message.TextBody);
            Assert.Contains("Мұнда тіркелгісіз жауап беруге болады", message.TextBody);
            Assert.Contains("Ответить можно здесь", message.TextBody); // the Russian beneath
            var link = LinkPattern().Match(message.TextBody ?? "");
            Assert.True(link.Success, "no answer link in:\n" + message.TextBody);

            var (playwright, chromium) = await Browser.Browser.LaunchAsync();
            using var _ = playwright;
            await using var __ = chromium;
            var page = await (await chromium.NewContextAsync(new() { BaseURL = app.Url, Locale = "ru-RU" })).NewPageAsync();
            await page.GotoAsync(link.Groups[1].Value);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk"); // the body's language, not the browser's
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Жұмыс тобына шақыру / Приглашение в рабочую группу");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Төтенше жағдайларды жою департаменті");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("ведомствоаралық жұмыс тобы: ");
            await Assertions.Expect(page.Locator("div.second[lang=ru]")).ToContainTextAsync("приглашается войти в её состав");
            await page.ShotAsync("kk-answer");

            // The same invitation read in Tajik, from the page's own list of languages.
            await page.GetByRole(AriaRole.Link, new() { Name = "Тоҷикӣ" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Даъват ба гурӯҳи корӣ");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Даъватнома");
            await page.ShotAsync("tg-answer");

            // The link works: the body accepts, in Kazakh.
            await page.GetByRole(AriaRole.Link, new() { Name = "Қазақша" }).ClickAsync();
            await page.Locator("input[name=NomineeName]").FillAsync("Айгерім Сәдуақасова");
            await page.GetByRole(AriaRole.Button, new() { Name = "Жауапты жіберу" }).ClickAsync(); // the answer, not the document form beneath
            await Assertions.Expect(page.Locator("p.done")).ToContainTextAsync("Рақмет: жауабыңыз тіркелді");
        }, new Dictionary<string, string> { ["Definitions__Folder"] = definitions });
    }

    /// <summary>Starts the app on a fresh data folder against Debian's aiosmtpd; the action gets the app, an admin's client and the maildir.</summary>
    private static async Task WithSmtpAsync(Func<RunningApp, HttpClient, string, Task> action, Dictionary<string, string>? settings = null)
    {
        var check = Process.Start(new ProcessStartInfo(Python, "-c \"import aiosmtpd\"") { RedirectStandardError = true })!;
        await check.WaitForExitAsync();
        Assert.True(check.ExitCode == 0, "Debian's python3-aiosmtpd is missing: apt-get install python3-aiosmtpd (as .ci/run does).");

        var mailbox = Directory.CreateTempSubdirectory("wg-mailbox-").FullName;
        var port = FreePort();
        using var smtp = Process.Start(new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(mailbox, "maildir") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            await WaitForPortAsync(port);
            var data = Directory.CreateTempSubdirectory("wg-aiosmtpd-").FullName;
            var environment = new Dictionary<string, string>(settings ?? []) { ["Data__Folder"] = data, ["Samples__Load"] = "false" };
            await AppProcess.RunAsync(["user", "add", "--email", "admin@example.org", "--role", "Admin", "--password", "Correct-horse-42"], environment, TimeSpan.FromSeconds(60));
            var token = (await AppProcess.RunAsync(["token", "create", "--email", "admin@example.org"], environment, TimeSpan.FromSeconds(60))).Output.Trim().Split('\n').Last().Trim();

            await using var app = await RunningApp.StartAsync(data, TimeSpan.FromSeconds(90), new Dictionary<string, string>(settings ?? [])
            {
                ["Samples__Load"] = "false",
                ["Smtp__Host"] = "127.0.0.1",
                ["Smtp__Port"] = port.ToString(),
                ["Smtp__Security"] = "None",
                ["Smtp__From"] = "workinggroups@example.org",
                ["App__BaseUrl"] = "http://127.0.0.1:9", // the link's host; the test opens its path on the running app
            });
            using var client = app.Client(token);
            await action(app, client, Path.Combine(mailbox, "maildir"));
        }
        finally
        {
            smtp.Kill(entireProcessTree: true);
        }
    }

    /// <summary>
    /// Invitations sent 12 days ago: Kazakhstan's first reminder (day 10, moved to Monday over a weekend) is due and the
    /// second (day 17) is not; all answered but one body, dles-mes, which gets that first reminder itself.
    /// </summary>
    private static async Task<(JsonElement Process, MimeMessage Message)> RemindAsync(RunningApp app, HttpClient client, string maildir)
    {
        var sent = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-12);
        var process = await client.InvitationsSent(sent, "dles-mes");
        var sweep = await (await client.PostAsync("/api/v1/admin/reminders/sweep", null)).Json(HttpStatusCode.OK);
        try
        {
            return (process, await WaitForMessageAsync(maildir, "dles.mes@example.org"));
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            var recorded = await client.GetStringAsync($"/api/v1/processes/{ProcessApi.Id(process)}/reminders");
            throw new Xunit.Sdk.XunitException($"{ex.Message}\nsweep: {sweep}\nreminders: {recorded}\napp:\n{app.Output[^Math.Min(4000, app.Output.Length)..]}");
        }
    }

    private static async Task<MimeMessage> WaitForMessageAsync(string maildir, string recipient)
    {
        for (var i = 0; i < 120; i++)
        {
            foreach (var folder in new[] { "new", "cur" }.Select(f => Path.Combine(maildir, f)).Where(Directory.Exists))
                foreach (var file in Directory.GetFiles(folder))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == recipient)) return message;
                }
            await Task.Delay(500);
        }
        throw new Xunit.Sdk.XunitException($"no message to {recipient} arrived in {maildir} within 60 s");
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        throw new Xunit.Sdk.XunitException($"aiosmtpd did not listen on port {port}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"https?://[^/\s]+(/answer/\S+)")]
    private static partial Regex LinkPattern();
}
