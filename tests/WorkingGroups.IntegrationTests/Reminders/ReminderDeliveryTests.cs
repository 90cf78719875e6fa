using System.Text.Json;
using System.Net;
using System.Text.Json.Nodes;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>Reminders over weeks of (fake) time, delivered through a real SMTP server, answered from the e-mail.</summary>
[Collection("Reminders")]
public sealed class ReminderDeliveryTests
{
    private const string Dles = "dles.mes@example.org";
    private const string Epd = "epd.mes@example.org";

    [Fact]
    public async Task A_silent_agency_is_reminded_on_days_N_N_plus_M_N_plus_2M_then_escalated_and_one_that_answers_hears_no_more()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        var admin = await app.ClientAs("admin@wg.example.org", "Admin");
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        // Monday 2 March 2026; the Kazakh invitations policy: first after 10 days, every 7, escalate after 3, weekdays only.
        var process = await coordinator.InvitationsSent(app.Today, "dles-mes", "epd-mes");

        app.MoveTo(new DateOnly(2026, 3, 11));
        Assert.Empty((await admin.Sweep()).GetProperty("recorded").EnumerateArray());

        app.MoveTo(new DateOnly(2026, 3, 12));
        var sweep = await admin.Sweep();
        Assert.Equal(2, sweep.GetProperty("scheduled").GetArrayLength());
        await smtp.WaitForAsync(2);
        var first = smtp.To(Dles).Single();
        Assert.Equal([Dles], first.Recipients());
        Assert.StartsWith("Напоминание: Департамент ликвидации", first.Subject);
        Assert.EndsWith("(Казахстан)", first.Subject);                                            // the country by name, not "(KZ)"
        Assert.StartsWith("Уважаемые коллеги,", first.TextBody);                                  // no English role in a Russian greeting
        Assert.Equal("ru", first.Language());
        Assert.Contains("Межведомственная рабочая группа по безопасности хвостохранилищ и предотвращению аварийного загрязнения вод ожидает ответа", first.TextBody); // the group by its name
        Assert.DoesNotContain("Официальное создание", first.TextBody);                              // not by the process's title
        Assert.Contains("назначить представителя", first.TextBody);                               // what is asked
        Assert.Contains("Приглашение направлено 02.03.2026: 10 дн. назад", first.TextBody);        // days since the invitation, dated as Russian writes it
        Assert.Contains("isc.mes@example.org", first.TextBody);                                   // who to contact
        Assert.Contains(ReminderVerbs.Coordinator, first.TextBody);

        // The second agency answers from its e-mail, without an account.
        var browser = app.CreateClient();
        var (status, page) = await browser.AnswerThroughLink(smtp.To(Epd).Single().Link(), new()
        {
            ["Choice"] = "accepted",
            ["NomineeName"] = "Aigerim <i>Sadykova</i>",
            ["NomineePosition"] = "Chief expert",
            ["NomineeEmail"] = "a.sadykova@example.org",
        });
        Assert.True(status == HttpStatusCode.OK, page);
        Assert.Contains("ваш ответ записан", page);
        var answered = await (await coordinator.GetAsync($"/api/v1/processes/{ProcessApi.Id(process)}")).Json(HttpStatusCode.OK);
        var epd = answered.Step("invitations").GetProperty("invitations").EnumerateArray().Single(i => i.GetProperty("bodyId").GetString() == "epd-mes");
        Assert.Equal("accepted", epd.Status());
        Assert.Equal("2026-03-12", epd.Date("respondedOn"));
        Assert.Equal("Aigerim <i>Sadykova</i>", epd.GetProperty("nominee").GetProperty("name").GetString());

        // Sweeping again on the same day records nothing: nothing is sent twice for one due date.
        Assert.Empty((await admin.Sweep()).GetProperty("recorded").EnumerateArray());

        foreach (var day in new[] { new DateOnly(2026, 3, 19), new DateOnly(2026, 3, 26), new DateOnly(2026, 4, 2) })
        {
            app.MoveTo(day);
            await admin.Sweep();
            await coordinator.Settled(process);
        }

        Assert.Equal(3, smtp.To(Dles).Count());
        Assert.Single(smtp.To(Epd));
        var escalation = smtp.Messages.Single(m => m.Subject!.StartsWith("Эскалация"));
        Assert.Equal(["cerc.menr@example.org", ReminderVerbs.Coordinator, "isc.mes@example.org"], escalation.Recipients());
        Assert.Contains(": ответ не получен после 3 напоминаний", escalation.TextBody);
        Assert.StartsWith("Уважаемые коллеги,", escalation.TextBody);                         // the chairs, not the silent body's contact
        Assert.DoesNotContain("/answer/", escalation.TextBody);
        // The invitations step (benchmark 30 days) is overdue from 2 April: its owner and the coordinator hear of it.
        var overdue = smtp.Messages.Single(m => m.Subject!.StartsWith("Просрочено"));
        Assert.Equal([ReminderVerbs.Coordinator, "isc.mes@example.org"], overdue.Recipients());

        var recorded = (await coordinator.Reminders(process)).Where(r => r.GetProperty("bodyId").GetString() == "dles-mes").ToList();
        Assert.Equal(["reminder 1 2026-03-12", "reminder 2 2026-03-19", "reminder 3 2026-03-26", "escalation 4 2026-04-02"],
            recorded.Select(r => $"{r.GetProperty("kind").GetString()} {r.GetProperty("sequence").GetInt32()} {r.GetProperty("dueOn").GetString()}"));
        Assert.All(recorded, r => Assert.Equal("sent", r.Status()));
        Assert.All(recorded, r => Assert.EndsWith("@wg.example.org", r.GetProperty("messageId").GetString()));
        Assert.Equal(Dles, recorded[0].GetProperty("recipients").GetString());
        Assert.Equal(smtp.To(Dles).Select(m => m.MessageId).Order(), recorded.Take(3).Select(r => r.GetProperty("messageId").GetString()).Order());

        // The agencies dashboard counts the reminders each body took, as of any date.
        int RemindersSent(JsonElement agencies, string body) =>
            agencies.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("bodyId").GetString() == body).GetProperty("remindersSent").GetInt32();
        var now = await (await coordinator.GetAsync("/api/v1/dashboards/agencies")).Json(HttpStatusCode.OK);
        Assert.Equal(4, RemindersSent(now, "dles-mes"));
        Assert.Equal(1, RemindersSent(now, "epd-mes"));
        var then = await (await coordinator.GetAsync("/api/v1/dashboards/agencies?asOf=2026-03-20")).Json(HttpStatusCode.OK);
        Assert.Equal(2, RemindersSent(then, "dles-mes"));
    }

    [Fact]
    public async Task A_body_gets_its_own_language_one_without_contact_is_reached_through_the_coordinator_and_markup_is_encoded()
    {
        // A variant of the Kazakh definition: one body writes English and has markup in its name, one has no contact.
        var definitions = Directory.CreateTempSubdirectory("wg-defs-");
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppProcess.RepositoryRoot(), "workflows", "kz-establishment.v1.json")))!;
        definition["id"] = "kz-reminder-variant";
        var bodies = definition["bodies"]!.AsArray();
        var dles = bodies.Single(b => (string?)b!["id"] == "dles-mes")!;
        dles["language"] = "en";
        dles["name"]!["en"] = "Department <script>alert(1)</script> & Co";
        bodies.Single(b => (string?)b!["id"] == "epd-mes")!.AsObject().Remove("contact");
        await File.WriteAllTextAsync(Path.Combine(definitions.FullName, "kz-reminder-variant.v1.json"), definition.ToJsonString());

        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        app.With("Definitions:Folder", definitions.FullName);
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var process = await coordinator.InvitationsSent("kz-reminder-variant", app.Today, "dles-mes", "epd-mes");
        var sent = await (await coordinator.PostAsync($"/api/v1/processes/{ProcessApi.Id(process)}/reminders/send-now", null)).Json(HttpStatusCode.OK);
        Assert.All(sent.EnumerateArray(), r => Assert.Equal("manual", r.GetProperty("kind").GetString()));
        await smtp.WaitForAsync(2);

        var english = smtp.To(Dles).Single();
        Assert.Equal("en", english.Language());
        Assert.StartsWith("Reminder: Department <script>alert(1)</script> & Co", english.Subject);
        Assert.EndsWith("(Kazakhstan)", english.Subject);
        Assert.Contains("nominate a representative", english.TextBody);
        Assert.Contains("Department &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", english.HtmlBody);
        Assert.DoesNotContain("<script>", english.HtmlBody);

        var viaCoordinator = smtp.To(ReminderVerbs.Coordinator).Single();
        Assert.Equal([ReminderVerbs.Coordinator], viaCoordinator.Recipients());
        Assert.Contains("Департамент предупреждения", viaCoordinator.Subject);

        var page = await app.CreateClient().GetStringAsync(new Uri(english.Link()).PathAndQuery);
        Assert.Contains("<html lang=\"en\">", page);
        Assert.Contains("Department &lt;script&gt;", page);
        Assert.DoesNotContain("<script>", page);
        Directory.Delete(definitions.FullName, recursive: true);
    }
}
