using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using WorkingGroups.IntegrationTests.Groups;
using WorkingGroups.IntegrationTests.Pages;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>The weekly digest: only to those who opted in, on Mondays, once a week, in each one's language.</summary>
[Collection("Reminders")]
public sealed class DigestTests
{
    [Fact]
    public async Task A_coordinator_who_opted_in_gets_one_digest_on_Monday_with_silent_bodies_and_overdue_steps()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        var admin = await app.ClientAs("admin@wg.example.org", "Admin");
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var colleague = await app.ClientAs("other.kz@wg.example.org", "Coordinator", "KZ");
        var observer = await app.ClientAs("observer@wg.example.org", "Observer");
        await coordinator.InvitationsSent(app.Today, "dles-mes");

        Assert.Equal(HttpStatusCode.Forbidden, (await observer.PutAsJsonAsync("/api/v1/reminders/digest", new { weekly = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.PutAsJsonAsync("/api/v1/reminders/digest", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/v1/reminders/digest", new { weekly = true })).StatusCode);
        Assert.True((await coordinator.GetFromJsonAsync<DigestState>("/api/v1/reminders/digest"))!.Weekly);
        Assert.False((await colleague.GetFromJsonAsync<DigestState>("/api/v1/reminders/digest"))!.Weekly);

        // Sunday: no digest. Monday 6 April: the invitations (sent 2 March, benchmark 30 days) are 35 days old.
        app.MoveTo(new DateOnly(2026, 4, 5));
        Assert.Equal(0, (await admin.Sweep()).GetProperty("digestsScheduled").GetInt32());
        app.MoveTo(new DateOnly(2026, 4, 6));
        Assert.Equal(1, (await admin.Sweep()).GetProperty("digestsScheduled").GetInt32());
        Assert.Equal(0, (await admin.Sweep()).GetProperty("digestsScheduled").GetInt32());

        var digest = (await ArrivedAsync(smtp, 1)).Single();
        Assert.StartsWith("Weekly digest", digest.Subject);
        Assert.Equal([ReminderVerbs.Coordinator], digest.Recipients());
        Assert.Contains("Kazakhstan <b>WG</b> (Kazakhstan / Казахстан): day 35 of 120", digest.TextBody); // no language chosen: both
        Assert.Contains("waiting for Department of liquidation of emergency situations of the MES", digest.TextBody);
        Assert.Contains("35 days since the invitation", digest.TextBody);
        Assert.Contains("overdue: ", digest.TextBody);
        Assert.Contains("Kazakhstan &lt;b&gt;WG&lt;/b&gt;", digest.HtmlBody);

        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/v1/reminders/digest", new { weekly = false })).StatusCode);
        app.MoveTo(new DateOnly(2026, 4, 13));
        Assert.Equal(0, (await admin.Sweep()).GetProperty("digestsScheduled").GetInt32());
    }

    [Fact]
    public async Task Each_coordinator_gets_the_digest_in_the_language_they_chose_on_the_pages_and_both_without_a_choice()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        var admin = await app.ClientAs("admin@wg.example.org", "Admin");
        const string russian = "ru.kz@wg.example.org", english = "en.kz@wg.example.org", undecided = "both.kz@wg.example.org";
        var coordinators = new Dictionary<string, HttpClient>();
        foreach (var email in new[] { russian, english, undecided })
        {
            coordinators[email] = await app.ClientAs(email, "Coordinator", "KZ");
            Assert.Equal(HttpStatusCode.OK, (await coordinators[email].PutAsJsonAsync("/api/v1/reminders/digest", new { weekly = true })).StatusCode);
        }
        await coordinators[russian].InvitationsSent(app.Today, "dles-mes");

        // The language switch on the pages, signed in: the Russian coordinator picks Russian; the English one picks Russian,
        // then English (the last choice counts); the third never switches, and an anonymous switch records nothing.
        await SwitchLanguage(app, russian, "ru");
        await SwitchLanguage(app, english, "ru", "en");
        var anonymous = PageSession.Anonymous(app);
        await (await anonymous.Get("/")).Post("/culture", new() { ["culture"] = "ru", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, anonymous.Status);

        app.MoveTo(new DateOnly(2026, 4, 6));
        Assert.Equal(3, (await admin.Sweep()).GetProperty("digestsScheduled").GetInt32());
        await ArrivedAsync(smtp, 3);

        var ru = smtp.To(russian).Single(IsDigest); // the coordinators also get the step's overdue notice
        Assert.Single(smtp.Messages, m => IsDigest(m) && m.Subject!.Contains("Еженедельная сводка") && m.Subject.Contains("Weekly digest"));
        Assert.Equal("Еженедельная сводка 06.04.2026", ru.Subject); // the date as Russian writes it
        Assert.Equal("ru", ru.Language());
        Assert.Contains("Kazakhstan <b>WG</b> (Казахстан): день 35 из 120", ru.TextBody); // the country by name, as the pages name it
        Assert.Contains("  - ожидается ответ: ", ru.TextBody);
        Assert.Contains("35 дн. с приглашения", ru.TextBody);
        Assert.Contains("  - просрочено: ", ru.TextBody);
        Assert.DoesNotMatch("[A-Za-z]{4,}", Regex.Replace(ru.TextBody!.Replace("Kazakhstan <b>WG</b>", ""), @"https?://\S+", "")); // no English word but the title and the link

        var en = smtp.To(english).Single(IsDigest);
        Assert.Equal("Weekly digest 2026-04-06", en.Subject);
        Assert.Equal("en", en.Language());
        Assert.Contains("Kazakhstan <b>WG</b> (Kazakhstan): day 35 of 120", en.TextBody);
        Assert.Contains("waiting for Department of liquidation of emergency situations of the MES", en.TextBody);
        Assert.DoesNotMatch("\\p{IsCyrillic}", en.TextBody);

        var both = smtp.To(undecided).Single(IsDigest);
        Assert.Equal("Weekly digest / Еженедельная сводка 2026-04-06", both.Subject);
        Assert.Null(both.Language());
        Assert.Contains("(Kazakhstan / Казахстан): day 35 of 120 / день 35 из 120", both.TextBody);
        Assert.Contains("waiting for ", both.TextBody);
        Assert.Contains("ожидается ответ: ", both.TextBody);
    }

    [Fact]
    public async Task The_digest_also_says_what_is_due_about_the_group_and_links_to_the_home_page()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        var admin = await app.ClientAs("admin@wg.example.org", "Admin");
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        // Established on 2025-04-30 with no annual meeting since: due from 2026-03-30. One Work Plan item due on 10 April.
        var group = await coordinator.EstablishKazakhstan("2025-01-01");
        var plan = await coordinator.CreatePlan(group, 2026);
        await coordinator.AddItem(group, plan, "Inventory of tailings facilities", "dles-mes", "2026-04-10");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/v1/reminders/digest", new { weekly = true })).StatusCode);

        app.MoveTo(new DateOnly(2026, 4, 6));
        Assert.Equal(1, (await admin.Sweep()).GetProperty("digestsScheduled").GetInt32());
        var digest = (await ArrivedAsync(smtp, 1)).Single().TextBody!;
        Assert.DoesNotContain("Nothing is pending", digest); // no process is under way, but the group has work due
        Assert.Contains("Working groups: / Рабочие группы:", digest); // no language chosen: both
        // The group by its founding act's name, in both languages, not by the title of the process that founded it.
        Assert.Contains("Interinstitutional Working Group on Tailings Safety and Prevention of Accidental Water Pollution / "
            + "Межведомственная рабочая группа по безопасности хвостохранилищ и предотвращению аварийного загрязнения вод (", digest);
        Assert.Contains("the annual meeting is due: 11 months passed on 2026-03-30, and none is scheduled", digest);
        Assert.Contains("пора провести ежегодное заседание: 11 месяцев истекли 30.03.2026, заседание не назначено", digest);
        Assert.Contains("Work Plan 2026, item 1: Inventory of tailings facilities: deadline 2026-04-10, in 4 days", digest);
        Assert.Contains("план работы на 2026 год, пункт 1: Inventory of tailings facilities: срок 10.04.2026, через 4 дн.", digest);
        Assert.Matches(@"Everything that needs attention: https?://\S+/\n", digest);
    }

    /// <summary>The digests the SMTP server received, once <paramref name="count"/> of them have (30 s at most).</summary>
    private static async Task<List<MimeKit.MimeMessage>> ArrivedAsync(SmtpSink smtp, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (smtp.Messages.Count(IsDigest) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{smtp.Messages.Count(IsDigest)} of {count} digests arrived");
            await Task.Delay(100);
        }
        return smtp.Messages.Where(IsDigest).ToList();
    }

    private static bool IsDigest(MimeKit.MimeMessage message) => message.MessageId?.StartsWith("digest.", StringComparison.Ordinal) == true;

    /// <summary>Signs in on the pages and picks each language in turn with the switcher, as a person would.</summary>
    private static async Task SwitchLanguage(ReminderApp app, string email, params string[] languages)
    {
        var session = PageSession.Anonymous(app);
        await session.Get("/account/sign-in");
        await session.Post("/account/sign-in", new() { ["Email"] = email, ["Password"] = ReminderApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, session.Status);
        foreach (var language in languages)
        {
            await (await session.Get("/processes")).Post("/culture", new() { ["culture"] = language, ["returnUrl"] = "/processes" });
            Assert.Equal(HttpStatusCode.Redirect, session.Status);
        }
    }

    private sealed record DigestState(bool? Weekly);
}
