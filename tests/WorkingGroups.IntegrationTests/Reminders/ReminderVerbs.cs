using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>Small verbs for reminder tests: reach the invitations, sweep, read reminders, answer from the e-mail's link.</summary>
internal static partial class ReminderVerbs
{
    public const string Coordinator = "coordinator.kz@wg.example.org";

    /// <summary>The eight bodies the Kazakh definition invites to join.</summary>
    public static readonly string[] KazakhBodies = ["dles-mes", "epd-mes", "cerc-menr", "wmp-menr", "cwr-menr", "dmc-mfa", "iwac", "wic"];

    /// <summary>A Kazakh process whose invitations went out on <paramref name="on"/>, with every body but the given ones already answered.</summary>
    public static Task<JsonElement> InvitationsSent(this HttpClient coordinator, DateOnly on, params string[] silent) =>
        coordinator.InvitationsSent("kz-establishment", on, silent);

    public static async Task<JsonElement> InvitationsSent(this HttpClient coordinator, string definitionId, DateOnly on, params string[] silent)
    {
        var date = on.ToString("yyyy-MM-dd");
        var process = await coordinator.Start(definitionId, date, "Kazakhstan <b>WG</b>");
        process = await coordinator.Complete(process, "start-procedure", date);
        process = await coordinator.Complete(process, "draft-order", date);
        process = await coordinator.Complete(process, "letter-to-minister", date);
        foreach (var invitation in process.Step("invitations").GetProperty("invitations").EnumerateArray())
        {
            var body = invitation.GetProperty("bodyId").GetString()!;
            if (!silent.Contains(body)) process = await coordinator.Accept(process, "invitations", body, date);
        }
        return process;
    }

    public static async Task<JsonElement> Sweep(this HttpClient admin) =>
        await (await admin.PostAsync("/api/v1/admin/reminders/sweep", null)).Json(HttpStatusCode.OK);

    public static async Task<JsonElement[]> Reminders(this HttpClient client, JsonElement process) =>
        (await (await client.GetAsync($"/api/v1/processes/{ProcessApi.Id(process)}/reminders")).Json(HttpStatusCode.OK))
        .GetProperty("reminders").EnumerateArray().ToArray();

    /// <summary>Waits until no reminder of the process is still on its way (due, scheduled or sending).</summary>
    public static async Task<JsonElement[]> Settled(this HttpClient client, JsonElement process, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var reminders = await client.Reminders(process);
            if (reminders.All(r => r.Status() is "sent" or "failed" or "cancelled")) return reminders;
            Assert.True(DateTime.UtcNow < deadline, "reminders still on their way: " + string.Join("; ", reminders.Select(r => r.ToString())));
            await Task.Delay(100);
        }
    }

    public static string Link(this MimeMessage message) =>
        LinkPattern().Match(message.TextBody ?? "") is { Success: true } match ? match.Value : throw new Xunit.Sdk.XunitException("no answer link in:\n" + message.TextBody);

    /// <summary>Opens the link as a person would (no account), then posts the form with its antiforgery token.</summary>
    public static async Task<(HttpStatusCode Status, string Page)> AnswerThroughLink(this HttpClient browser, string link, Dictionary<string, string> fields)
    {
        var response = await (await browser.OpenAnswerForm(link, fields))();
        return (response.StatusCode, Decode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Opens the answer page of a link and returns its filled-in post, to be sent when the caller chooses.</summary>
    public static async Task<Func<Task<HttpResponseMessage>>> OpenAnswerForm(this HttpClient browser, string link, Dictionary<string, string> fields)
    {
        var path = new Uri(link).PathAndQuery;
        var form = await browser.GetAsync(path);
        var html = await form.Content.ReadAsStringAsync();
        Assert.True(form.StatusCode == HttpStatusCode.OK, $"the answer page answered {(int)form.StatusCode}: {Decode(html)}");
        fields["__RequestVerificationToken"] = AntiforgeryPattern().Match(html).Groups[1].Value;
        return () => browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static async Task<(HttpStatusCode Status, string Page)> Open(this HttpClient browser, string pathOrLink)
    {
        var response = await browser.GetAsync(pathOrLink.StartsWith("http") ? new Uri(pathOrLink).PathAndQuery : pathOrLink);
        return (response.StatusCode, Decode(await response.Content.ReadAsStringAsync()));
    }

    public static string Decode(string html) => WebUtility.HtmlDecode(html);

    public static string? Language(this MimeMessage message) => WorkingGroups.Infrastructure.Reminders.ReminderMail.LanguageOf(message);

    public static string[] Recipients(this MimeMessage message) => message.To.Mailboxes.Select(m => m.Address).Order().ToArray();

    [GeneratedRegex(@"http://localhost/answer/\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}
