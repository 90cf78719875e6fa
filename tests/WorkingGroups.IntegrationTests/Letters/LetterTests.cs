using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Letters;

/// <summary>
/// The letters a coordinator prints for signature, drafted over HTTP and opened by python3-docx: each carries its
/// addressee, the group, the deadline and (for an invited body) a live answer link; a Kazakh body that asks for Russian
/// too gets both; what is not a letter of the process is refused.
/// </summary>
public sealed partial class LetterTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    // The group's name as the definitions write it (its "group"), the same for the three countries.
    private const string Group = "Межведомственная рабочая группа по безопасности хвостохранилищ и предотвращению аварийного загрязнения вод";

    private static string Iso(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Ru(int days) => Today.AddDays(days).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Kazakhstan_letter_to_the_minister_invitation_and_reminder_carry_addressee_group_deadline_and_a_live_answer_link()
    {
        using var app = new AppFactory();
        var coordinator = await app.ClientFor("Coordinator", "KZ");
        var process = await coordinator.Start("kz-establishment", Iso(-10));
        await coordinator.Complete(process, "start-procedure", Iso(-9));
        await coordinator.Complete(process, "draft-order", Iso(-3));
        var id = ProcessApi.Id(process);

        // Active for three days of 14: due in 11 days, later than a week from today.
        var minister = await ReadAsync(coordinator, $"/api/v1/processes/{id}/letters/minister-letter", "minister-letter-mes-");
        Assert.Contains("Министерство по чрезвычайным ситуациям Республики Казахстан", minister);
        Assert.Contains("Chancellery, mes@example.org", minister);
        Assert.Contains($"Наименование: {Group}.", minister);
        Assert.Contains($"до {Ru(11)}", minister);
        Assert.Contains("Исх. № ____________ от ____________", minister);
        Assert.Contains("language=ru", minister);

        await coordinator.Complete(process, "letter-to-minister", Iso(-2));
        // The invitations opened two days ago with 30 days: the answer is asked for in 28.
        foreach (var kind in new[] { "invitation", "reminder" })
        {
            var letter = await ReadAsync(coordinator, $"/api/v1/processes/{id}/steps/invitations/invitations/dles-mes/letters/{kind}", $"{kind}-dles-mes-");
            Assert.Contains("Департамент ликвидации чрезвычайных ситуаций Министерства по чрезвычайным ситуациям Республики Казахстан", letter);
            Assert.Contains("Office of the Director, dles.mes@example.org", letter);
            Assert.Contains(Group, letter);
            Assert.Contains($"до {Ru(28)}", letter);
            Assert.Contains($"действует до {Ru(30)}", letter); // Reminders:LinkDays
            await AssertLinkOpensTheAnswerPage(app, letter);
        }
        var reminder = await ReadAsync(coordinator, $"/api/v1/processes/{id}/steps/invitations/invitations/epd-mes/letters/reminder", "reminder-epd-mes-");
        Assert.Contains($"{Ru(-2)} Вам было направлено приглашение войти в состав: {Group}", reminder);
    }

    [Fact]
    public async Task The_process_page_offers_each_letter_beside_its_step_and_invitation_and_the_link_downloads_it()
    {
        using var app = new AppFactory();
        var coordinator = await app.ClientFor("Coordinator", "KZ");
        var process = await InvitationsSentTwoDaysAgo(coordinator);
        await coordinator.Accept(process, "invitations", "wic", Iso(-1));
        var id = ProcessApi.Id(process);

        var page = await Pages.PageSession.SignedIn(app, "Coordinator", "KZ", "ru");
        await page.Get($"/processes/{id}");
        var letters = $"/api/v1/processes/{id}/steps/invitations/invitations";
        Assert.Contains($"href=\"/api/v1/processes/{id}/letters/minister-letter\"", page.Html);
        Assert.Contains("Письмо на подпись (DOCX)", page.Html);
        Assert.Contains($"href=\"{letters}/dles-mes/letters/invitation\"", page.Html);
        Assert.Contains($"href=\"{letters}/dles-mes/letters/reminder\"", page.Html);
        Assert.Contains($"href=\"{letters}/wic/letters/invitation\"", page.Html);
        Assert.DoesNotContain($"href=\"{letters}/wic/letters/reminder\"", page.Html); // it has answered: nobody to remind

        // The link downloads with the page's own sign-in (the cookie), as a coordinator's browser would.
        var download = await page.Client.GetAsync($"{letters}/dles-mes/letters/reminder");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("Департамент ликвидации чрезвычайных ситуаций", await DocxReader.ReadAsync(await download.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Tajikistan_request_to_the_government_is_addressed_to_the_government()
    {
        using var app = new AppFactory();
        var coordinator = await app.ClientFor("Coordinator", "TJ");
        var process = await coordinator.Start("tj-establishment", Iso(-20));
        await coordinator.Complete(process, "unece-letter", Iso(-15));
        await coordinator.Complete(process, "mfa-transmittal", Iso(-3));
        await coordinator.Complete(process, "start-procedure", Iso(-3));

        // Active for three days of 21: due in 18.
        var letter = await ReadAsync(coordinator, $"/api/v1/processes/{ProcessApi.Id(process)}/letters/government-request", "government-request-government-tj-");
        Assert.Contains("Правительство Республики Таджикистан", letter);
        Assert.Contains("Chancellery, government.tj@example.org", letter);
        Assert.Contains($"Наименование: {Group}.", letter);
        Assert.Contains("Цель: ", letter);
        Assert.Contains($"до {Ru(18)}", letter);
        Assert.Contains("Служба государственного надзора", letter); // the sender
    }

    [Fact]
    public async Task The_samples_uzbek_process_has_a_reminder_letter_for_each_silent_body()
    {
        using var app = new AppFactory().With("Samples:Load", "true");
        var coordinator = await app.ClientFor("Coordinator", "UZ");
        var processes = await (await coordinator.GetAsync("/api/v1/processes?country=UZ&status=active")).Json(HttpStatusCode.OK);
        var process = processes.EnumerateArray().First();
        var step = process.Step("nominations");
        var silent = step.GetProperty("invitations").EnumerateArray().First(i => i.Status() == "pending").GetProperty("bodyId").GetString()!;
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppProcess.RepositoryRoot(), "samples", "uz-establishment.v1.json")))!;
        var body = definition["bodies"]!.AsArray().Single(b => (string?)b!["id"] == silent)!;

        var letter = await ReadAsync(coordinator, $"/api/v1/processes/{ProcessApi.Id(process)}/steps/nominations/invitations/{silent}/letters/reminder", $"reminder-{silent}-");
        Assert.Contains((string)body["name"]!["ru"]!, letter);
        Assert.Contains($"приглашение войти в состав: {(string)definition["group"]!["name"]!["ru"]!}", letter);
        Assert.Matches(@"Просим до \d\d\.\d\d\.\d{4}", letter);
        await AssertLinkOpensTheAnswerPage(app, letter);
    }

    [Fact]
    public async Task A_kazakh_body_that_asks_for_russian_too_gets_the_kazakh_letter_then_the_russian()
    {
        using var app = new AppFactory().With("Definitions:Folder", WorkflowsCopy.WithKazakhAndRussianBody("wg-kk-letters-"));
        var coordinator = await app.ClientFor("Coordinator", "KZ");
        var process = await InvitationsSentTwoDaysAgo(coordinator);

        var letter = await ReadAsync(coordinator, $"/api/v1/processes/{ProcessApi.Id(process)}/steps/invitations/invitations/dles-mes/letters/invitation", "invitation-dles-mes-");
        var kazakh = letter.IndexOf("Қазақстан Республикасы Төтенше жағдайлар министрлігінің Төтенше жағдайларды жою департаменті", StringComparison.Ordinal);
        var russian = letter.IndexOf("Департамент ликвидации чрезвычайных ситуаций", StringComparison.Ordinal);
        Assert.True(kazakh >= 0 && russian > kazakh, "the Kazakh letter, then the Russian:\n" + letter);
        Assert.Contains("Құрметті әріптестер!", letter);
        Assert.Contains("Уважаемые коллеги!", letter);
        Assert.Contains("Шығыс №", letter);
        Assert.Contains($"{Ru(28)} дейін", letter);
        Assert.Contains($"до {Ru(28)}", letter);
        Assert.Contains("language=kk", letter);
        Assert.Equal(2, LinkPattern().Matches(letter).Count); // the same link in both languages
    }

    [Fact]
    public async Task A_reader_who_may_not_answer_for_the_body_gets_the_letter_without_its_link()
    {
        using var app = new AppFactory();
        var coordinator = await app.ClientFor("Coordinator", "KZ");
        var process = await InvitationsSentTwoDaysAgo(coordinator);
        var url = $"/api/v1/processes/{ProcessApi.Id(process)}/steps/invitations/invitations/dles-mes/letters/invitation";

        foreach (var reader in new[] { await app.ClientFor("Observer"), await app.ClientFor("Coordinator", "TJ") })
        {
            var letter = await ReadAsync(reader, url, "invitation-dles-mes-");
            Assert.Contains("Департамент ликвидации чрезвычайных ситуаций", letter);
            Assert.DoesNotContain("/answer/", letter);
            Assert.Contains("ссылка для ответа — в экземпляре, который скачивает координатор", letter);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task What_is_not_a_letter_of_the_process_is_refused_with_problem_details()
    {
        using var app = new AppFactory();
        var kz = await app.ClientFor("Coordinator", "KZ");
        var tj = await app.ClientFor("Coordinator", "TJ");
        var kazakh = await InvitationsSentTwoDaysAgo(kz);
        await kz.Accept(kazakh, "invitations", "wic", Iso(-1));
        var tajik = await tj.Start("tj-establishment", Iso(-10));
        var k = $"/api/v1/processes/{ProcessApi.Id(kazakh)}";

        await Refused(kz, $"{k}/letters/poem", HttpStatusCode.NotFound, "There is no letter \"poem\"");
        await Refused(tj, $"/api/v1/processes/{ProcessApi.Id(tajik)}/letters/minister-letter", HttpStatusCode.NotFound, "has no letter \"minister-letter\"");
        await Refused(kz, $"{k}/letters/invitation", HttpStatusCode.BadRequest, "goes to one invited body");
        await Refused(kz, $"{k}/steps/invitations/invitations/dles-mes/letters/minister-letter", HttpStatusCode.BadRequest, "belongs to step \"letter-to-minister\"");
        // A body invited in another process (Tajikistan's), and a process that does not exist.
        await Refused(kz, $"{k}/steps/invitations/invitations/cep/letters/invitation", HttpStatusCode.NotFound, "\"cep\" was not invited");
        await Refused(kz, $"/api/v1/processes/{Guid.NewGuid()}/letters/minister-letter", HttpStatusCode.NotFound, "There is no process");
        await Refused(kz, $"{k}/steps/nowhere/invitations/dles-mes/letters/invitation", HttpStatusCode.NotFound, "has no step \"nowhere\"");
        // A body that has answered is not silent: no reminder for it.
        await Refused(kz, $"{k}/steps/invitations/invitations/wic/letters/reminder", HttpStatusCode.Conflict, "already answered");
    }

    /// <summary>A Kazakh process whose invitations went out two days ago (the letter to the Minister done).</summary>
    private static async Task<JsonElement> InvitationsSentTwoDaysAgo(HttpClient coordinator)
    {
        var process = await coordinator.Start("kz-establishment", Iso(-10));
        await coordinator.Complete(process, "start-procedure", Iso(-9));
        await coordinator.Complete(process, "draft-order", Iso(-8));
        await coordinator.Complete(process, "letter-to-minister", Iso(-2));
        return process;
    }

    private static async Task Refused(HttpClient client, string url, HttpStatusCode status, string detail)
    {
        var response = await client.GetAsync(url);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Json(status);
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    private static async Task<string> ReadAsync(HttpClient client, string url, string fileName)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return await DocxReader.ReadAsync(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The letter's link is a real one: it opens the body's answer page.</summary>
    private static async Task AssertLinkOpensTheAnswerPage(AppFactory app, string letter)
    {
        var link = LinkPattern().Match(letter);
        Assert.True(link.Success, "no answer link in:\n" + letter);
        var page = await app.CreateClient().GetAsync(new Uri(link.Value).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form", await page.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"https?://\S+/answer/\S+")]
    private static partial Regex LinkPattern();
}
