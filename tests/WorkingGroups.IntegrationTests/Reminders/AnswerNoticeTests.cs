using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MimeKit;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>
/// A body that answers through the link in its e-mail is announced to the country's coordinators at once, by a real
/// SMTP server on loopback: who answered, with whom or why not, and what the step still waits for. An answer the
/// coordinator records needs no such e-mail.
/// </summary>
[Collection("Reminders")]
public sealed class AnswerNoticeTests
{
    private const string Dles = "dles.mes@example.org";
    private const string Epd = "epd.mes@example.org";

    private static bool IsNotice(MimeMessage m) => m.Subject?.StartsWith("Ответ получен", StringComparison.Ordinal) == true;

    private static async Task<MimeMessage> NoticeAsync(SmtpSink smtp, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (smtp.Messages.Count(IsNotice) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{smtp.Messages.Count(IsNotice)} of {count} answer notices arrived");
            await Task.Delay(100);
        }
        return smtp.Messages.Where(IsNotice).Last();
    }

    [Fact]
    public async Task An_answer_through_the_link_reaches_the_coordinators_with_the_nominee_or_the_reason()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        // Six bodies answered through the coordinator (the API): nothing to announce for those.
        var process = await coordinator.InvitationsSent(app.Today, "dles-mes", "epd-mes");
        var id = ProcessApi.Id(process);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/v1/processes/{id}/reminders/send-now", null)).StatusCode);
        await smtp.WaitForAsync(2);
        var browser = app.CreateClient();

        var (status, page) = await browser.AnswerThroughLink(smtp.To(Epd).Single().Link(), new()
        {
            ["Choice"] = "accepted", ["NomineeName"] = "Айгерим Садыкова", ["NomineePosition"] = "главный эксперт", ["NomineeEmail"] = "a.sadykova@example.org",
        });
        Assert.True(status == HttpStatusCode.OK, page);
        Assert.Contains("Спасибо: ваш ответ записан и уже виден координатору.", page);
        var accepted = await NoticeAsync(smtp, 1);
        Assert.Equal([ReminderVerbs.Coordinator], accepted.Recipients());
        Assert.StartsWith("Ответ получен: Департамент предупреждения", accepted.Subject);
        Assert.Contains("— согласие / Answer received: ", accepted.Subject);
        Assert.EndsWith("— accepted (Казахстан / Kazakhstan)", accepted.Subject);
        Assert.Contains(": ответ на приглашение получен по ссылке из письма: согласие, 02.03.2026.", accepted.TextBody);
        Assert.Contains("Представитель: Айгерим Садыкова, главный эксперт <a.sadykova@example.org>", accepted.TextBody);
        Assert.Contains("ожидаются ответы ещё 1.", accepted.TextBody);
        Assert.Contains("accepted on 2026-03-02.", accepted.TextBody);
        Assert.Contains("1 more to answer.", accepted.TextBody);
        Assert.Contains($"/processes/{id}", accepted.TextBody);
        Assert.Contains("&lt;a.sadykova@example.org&gt;", accepted.HtmlBody); // encoded, as every name in our e-mail

        (status, page) = await browser.AnswerThroughLink(smtp.To(Dles).Single().Link(), new() { ["Choice"] = "declined", ["Reason"] = "Нет полномочий" });
        Assert.True(status == HttpStatusCode.OK, page);
        var declined = await NoticeAsync(smtp, 2);
        Assert.Contains("— отказ / Answer received: ", declined.Subject);
        Assert.Contains("Причина: Нет полномочий", declined.TextBody);
        Assert.Contains("ответили все, этап завершён.", declined.TextBody);
        Assert.Contains("every body has answered; the step is complete.", declined.TextBody);

        // One notice per answer: the coordinators got exactly these two, and a later sweep sends none again.
        await (await app.ClientAs("admin@wg.example.org", "Admin")).Sweep();
        await Task.Delay(500);
        Assert.Equal(2, smtp.Messages.Count(IsNotice));
        Assert.Equal(2, smtp.Messages.Where(IsNotice).Select(m => m.MessageId).Distinct().Count());

        // The process page lists them with the reminders: to whom, sent, and their Message-ID.
        var session = await Pages.PageSession.SignedIn(app, "Observer", language: "ru");
        await session.Get($"/processes/{id}");
        var rows = Regex.Matches(session.Html, "<tr class=\"answer-notice\">(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Contains("уведомление координаторам об ответе", row));
        Assert.Contains(rows, row => row.Contains("Департамент предупреждения") && row.Contains(ReminderVerbs.Coordinator) && row.Contains(accepted.MessageId!));
    }

    [Fact]
    public async Task Coordinators_who_all_chose_english_get_the_notice_in_english_alone()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/v1/me/language", new { language = "en" })).StatusCode);
        var process = await coordinator.InvitationsSent(app.Today, "epd-mes");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/v1/processes/{ProcessApi.Id(process)}/reminders/send-now", null)).StatusCode);
        await smtp.WaitForAsync(1);

        var (status, page) = await app.CreateClient().AnswerThroughLink(smtp.To(Epd).Single().Link(), new() { ["Choice"] = "declined", ["Reason"] = "No mandate" });
        Assert.True(status == HttpStatusCode.OK, page);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        MimeMessage? notice;
        while ((notice = smtp.Messages.SingleOrDefault(m => m.Subject?.StartsWith("Answer received", StringComparison.Ordinal) == true)) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "no answer notice arrived");
            await Task.Delay(100);
        }
        Assert.Equal("Answer received: Emergency Prevention Department of the MES — declined (Kazakhstan)", notice.Subject);
        Assert.Equal("en", notice.Language());
        Assert.Contains("Reason: No mandate", notice.TextBody);
        Assert.DoesNotMatch("\\p{IsCyrillic}", notice.TextBody);
    }
}
