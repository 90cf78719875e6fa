using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>Links that must not record an answer: forged, expired, reused, for a body that was not invited, or posted without antiforgery.</summary>
[Collection("Reminders")]
public sealed class AnswerLinkTests
{
    [Fact]
    public async Task Forged_expired_reused_and_cross_body_links_are_refused_with_a_clear_page()
    {
        using var app = new ReminderApp(smtp: null);
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var process = await coordinator.InvitationsSent(app.Today, "dles-mes", "epd-mes", "wic");
        var id = Guid.Parse(ProcessApi.Id(process));
        var links = app.Services.GetRequiredService<AnswerLinks>();
        Guid VersionOf(string body)
        {
            using var scope = app.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<AppDbContext>().Invitations.Single(i => i.ProcessId == id && i.BodyId == body).Version;
        }
        var browser = app.CreateClient();

        // Forged: a valid token with one character changed, and plain garbage.
        var dles = links.Token(id, "invitations", "dles-mes", VersionOf("dles-mes"));
        var forged = dles[..^3] + (dles[^3] == 'A' ? 'B' : 'A') + dles[^2..];
        var (status, page) = await browser.Open($"/answer/{forged}?lang=en");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("This link is not valid", page);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Open("/answer/not-a-token")).Status);

        // Cross-body: a genuinely signed link for a body that was not invited in this step, or for another step.
        (status, page) = await browser.Open($"/answer/{links.Token(id, "invitations", "isc-mes", Guid.NewGuid())}?lang=en");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("does not belong to any invitation", page);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Open($"/answer/{links.Token(id, "draft-order", "dles-mes", VersionOf("dles-mes"))}")).Status);

        // A post without the page's antiforgery token is refused and records nothing.
        var bare = await browser.PostAsync($"/answer/{dles}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Choice"] = "declined", ["Reason"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);

        // A rule of the coordinator's applies here too: accepting names a representative.
        (status, page) = await browser.AnswerThroughLink($"http://localhost/answer/{dles}", new() { ["Choice"] = "accepted" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("ФИО представителя: Это поле обязательно.", page); // in the body's language, naming the field
        Assert.Contains("Приглашение направлено 02.03.2026.", page);       // dated as Russian writes it
        Assert.Contains("Вопросы: Комитет промышленной безопасности", page); // whom to ask: the lead body

        // Used once, then refused: the answer is recorded and the same link cannot change it.
        (status, page) = await browser.AnswerThroughLink($"http://localhost/answer/{dles}", new() { ["Choice"] = "declined", ["Reason"] = "No capacity this year" });
        Assert.Equal(HttpStatusCode.OK, status);
        (status, page) = await browser.Open($"/answer/{dles}?lang=en");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("already answered (declined on 2026-03-02)", page);

        // Expired: a link made today, opened 31 days later (the default lifetime is 30 days).
        var epd = links.Token(id, "invitations", "epd-mes", VersionOf("epd-mes"));
        app.MoveTo(app.Today.AddDays(31));
        (status, page) = await browser.Open($"/answer/{epd}?lang=en");
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("This link has expired", page);
        // Still authentic, so refused in the body's own language and naming whom to ask for a new one.
        (status, page) = await browser.Open($"/answer/{epd}");
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("Срок действия ссылки истёк", page);
        Assert.Contains("Вопросы: Комитет промышленной безопасности", page);

        var after = await (await coordinator.GetAsync($"/api/v1/processes/{id}")).Json(HttpStatusCode.OK);
        var statuses = after.Step("invitations").GetProperty("invitations").EnumerateArray()
            .ToDictionary(i => i.GetProperty("bodyId").GetString()!, i => i.Status());
        Assert.Equal("declined", statuses["dles-mes"]);
        Assert.Equal("pending", statuses["epd-mes"]);
        Assert.Equal("pending", statuses["wic"]);
        var audit = await (await coordinator.GetAsync($"/api/v1/processes/{id}/audit")).Json(HttpStatusCode.OK);
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("user").GetString() == "dles.mes@example.org (answer link)");

        // The links work like passwords: the request log names the page, never the token.
        var logs = await LogFiles.WaitForAsync(app.Folder, "/answer/[redacted]");
        Assert.Contains("/answer/[redacted]", logs);
        Assert.DoesNotContain(dles, logs);
        Assert.DoesNotContain(epd, logs);
    }
}
