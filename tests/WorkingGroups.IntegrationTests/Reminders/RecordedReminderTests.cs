using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Pages;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>
/// Reminders sent outside the app (a letter, a call, the ministry's own e-mail), recorded by a coordinator through the API
/// and the process page: listed beside the app's own, counted in the series so the sweep does not send them again.
/// </summary>
[Collection("Reminders")]
public sealed class RecordedReminderTests
{
    // Invitations sent on Monday 2 March 2026; Kazakhstan's policy: reminders due 12, 19 and 26 March, the escalation 2 April.
    private static readonly DateOnly Sent = DateOnly.FromDateTime(ReminderApp.Monday.UtcDateTime);

    /// <summary>How the coordinator's token signs changes, in the audit trail and on a recorded reminder.</summary>
    private const string Who = ReminderVerbs.Coordinator + " (token tests)";

    private static Task<HttpResponseMessage> Record(HttpClient client, JsonElement process, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/processes/{ProcessApi.Id(process)}/reminders/recorded") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    private static object Letter(string body, DateOnly sentOn, string? number = "21-1-13/4102") =>
        new { stepId = "invitations", bodyId = body, sentOn = sentOn.ToString("yyyy-MM-dd"), channel = "letter", letterNumber = number, note = "Signed by the Vice Minister" };

    private static string[] Series(JsonElement[] reminders, string body) =>
        reminders.Where(r => r.GetProperty("bodyId").GetString() == body)
            .Select(r => $"{r.GetProperty("kind").GetString()} {r.GetProperty("sequence").GetInt32()} {r.Date("dueOn")}").ToArray();

    [Fact]
    public async Task A_recorded_reminder_stands_for_the_next_one_due_so_the_sweep_skips_it_but_still_escalates()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        var admin = await app.ClientAs("admin@wg.example.org", "Admin");
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var process = await coordinator.InvitationsSent(Sent, "dles-mes", "epd-mes");

        app.MoveTo(new DateOnly(2026, 3, 12));
        Assert.Equal(2, (await admin.Sweep()).GetProperty("recorded").GetArrayLength()); // the first reminder to each
        // Each sweep's e-mails go out before the fake clock jumps on: a jump of days would make a claim in flight look
        // ten minutes old (stale), which real time never does while a job runs.
        await coordinator.Settled(process);

        // On the 16th the ministry sends dles-mes a reminder letter: it stands for the second reminder, due on the 19th.
        app.MoveTo(new DateOnly(2026, 3, 16));
        var response = await Record(coordinator, process, Letter("dles-mes", app.Today));
        var recorded = await response.Json(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/processes/{ProcessApi.Id(process)}/reminders", response.Headers.Location?.OriginalString);
        Assert.Equal(("recorded", 2, "sent", "2026-03-16", "2026-03-16"),
            (recorded.GetProperty("kind").GetString(), recorded.GetProperty("sequence").GetInt32(), recorded.Status(), recorded.Date("dueOn"), recorded.Date("sentOn")));
        Assert.Equal(("letter", "21-1-13/4102", "Signed by the Vice Minister", Who),
            (recorded.GetProperty("channel").GetString(), recorded.GetProperty("letterNumber").GetString(), recorded.GetProperty("note").GetString(),
                recorded.GetProperty("recordedBy").GetString()));
        Assert.Equal(JsonValueKind.Null, recorded.GetProperty("messageId").ValueKind);
        Assert.Equal(JsonValueKind.Null, recorded.GetProperty("recipients").ValueKind);

        // The 19th: only epd-mes, which nobody chased, gets the second reminder.
        app.MoveTo(new DateOnly(2026, 3, 19));
        var second = Assert.Single((await admin.Sweep()).GetProperty("recorded").EnumerateArray());
        Assert.Equal(("epd-mes", 2), (second.GetProperty("bodyId").GetString(), second.GetProperty("sequence").GetInt32()));
        await coordinator.Settled(process);

        // The 26th: the third is due to both again; dles-mes's schedule did not move.
        app.MoveTo(new DateOnly(2026, 3, 26));
        Assert.Equal(["dles-mes", "epd-mes"], (await admin.Sweep()).GetProperty("recorded").EnumerateArray()
            .Select(r => r.GetProperty("bodyId").GetString()!).Order().ToArray());
        await coordinator.Settled(process);

        // A call after the last ordinary reminder counts as the next, but the escalation to the chairs still goes out.
        app.MoveTo(new DateOnly(2026, 3, 30));
        var call = await (await Record(coordinator, process, new { stepId = "invitations", bodyId = "dles-mes", sentOn = "2026-03-30", channel = "phone" }))
            .Json(HttpStatusCode.Created);
        Assert.Equal(4, call.GetProperty("sequence").GetInt32());
        app.MoveTo(new DateOnly(2026, 4, 2));
        Assert.Equal(["dles-mes escalation", "epd-mes escalation"], (await admin.Sweep()).GetProperty("recorded").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() != "overdue") // the step is past its 30 days, too
            .Select(r => $"{r.GetProperty("bodyId").GetString()} {r.GetProperty("kind").GetString()}").Order().ToArray());

        var reminders = await coordinator.Settled(process);
        Assert.Equal(["reminder 1 2026-03-12", "recorded 2 2026-03-16", "reminder 3 2026-03-26", "recorded 4 2026-03-30", "escalation 4 2026-04-02"],
            Series(reminders, "dles-mes"));
        Assert.Equal(["reminder 1 2026-03-12", "reminder 2 2026-03-19", "reminder 3 2026-03-26", "escalation 4 2026-04-02"], Series(reminders, "epd-mes"));
        Assert.All(reminders.Where(r => r.GetProperty("kind").GetString() != "recorded"), r => Assert.NotNull(r.GetProperty("messageId").GetString()));
        // One e-mail per reminder the app sent itself (the overdue notice included), none for the recorded ones.
        Assert.Equal(reminders.Count(r => r.GetProperty("kind").GetString() != "recorded"), smtp.Messages.Count);
        Assert.Equal(10, reminders.Length); // five about dles-mes, four about epd-mes, the step's overdue notice

        // The home page's list counts the reminders each body itself had, sent or recorded, not the escalation to the chairs.
        var attention = await (await coordinator.GetAsync("/api/v1/attention")).Json(HttpStatusCode.OK);
        string Tally(string body) => attention.GetProperty("bodies").EnumerateArray().Single(b => b.GetProperty("bodyId").GetString() == body) is var b
            ? $"{b.GetProperty("reminders").GetInt32()}, the last on {b.GetProperty("lastReminderOn").GetString()}" : "";
        Assert.Equal("4, the last on 2026-03-30", Tally("dles-mes"));
        Assert.Equal("3, the last on 2026-03-26", Tally("epd-mes"));
        var page = await (await PageSession.SignedInAs(app, ReminderVerbs.Coordinator, "en")).Get("/");
        Assert.Contains("<section id=\"silent-bodies\">", page.Html);
        Assert.DoesNotContain("data-notice=\"no-smtp\"", page.Html); // e-mail is set up here

        var audit = await (await coordinator.GetAsync($"/api/v1/processes/{ProcessApi.Id(process)}/audit")).Json(HttpStatusCode.OK);
        var entries = audit.EnumerateArray().Where(a => a.GetProperty("action").GetString() == "reminder-recorded").ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((Who, "dles-mes"), (e.GetProperty("user").GetString(), e.GetProperty("bodyId").GetString())));
    }

    [Fact]
    public async Task Refusals_are_problem_details_naming_the_field_or_the_state_and_write_nothing()
    {
        using var app = new ReminderApp(smtp: null);
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var tajik = await app.ClientAs("coordinator.tj@wg.example.org", "Coordinator", "TJ");
        var observer = await app.ClientAs("observer@wg.example.org", "Observer");
        var process = await coordinator.InvitationsSent(Sent, "dles-mes");
        app.MoveTo(new DateOnly(2026, 3, 10));

        async Task Refused(HttpClient client, JsonElement target, object body, HttpStatusCode status, string text, string? field = null)
        {
            var response = await Record(client, target, body);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Json(status);
            Assert.Contains(text, problem.GetProperty("detail").GetString());
            if (field is not null) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }

        var unknown = JsonDocument.Parse($"{{\"id\":\"{Guid.NewGuid()}\"}}").RootElement;
        await Refused(coordinator, unknown, Letter("dles-mes", Sent), HttpStatusCode.NotFound, "There is no process");
        await Refused(coordinator, process, new { stepId = "invitationz", bodyId = "dles-mes", sentOn = "2026-03-05", channel = "email" },
            HttpStatusCode.NotFound, "has no step \"invitationz\"");
        await Refused(coordinator, process, Letter("unesco", Sent), HttpStatusCode.Conflict, "\"unesco\" was not invited");
        await Refused(coordinator, process, Letter("iwac", Sent), HttpStatusCode.Conflict, "\"iwac\" already answered: accepted on 2026-03-02");
        await Refused(coordinator, process, Letter("dles-mes", new DateOnly(2026, 3, 11)), HttpStatusCode.BadRequest, "2026-03-11 is in the future", "sentOn");
        await Refused(coordinator, process, Letter("dles-mes", new DateOnly(2026, 3, 1)), HttpStatusCode.BadRequest,
            "before the date the invitation was sent (2026-03-02)", "sentOn");
        await Refused(coordinator, process, new { stepId = "invitations", bodyId = "dles-mes", sentOn = "2026-03-05", channel = "fax" },
            HttpStatusCode.BadRequest, "channel \"fax\" is not one of: email, letter, phone, meeting", "channel");
        await Refused(coordinator, process, new { stepId = "invitations", bodyId = "dles-mes", channel = "email" }, HttpStatusCode.BadRequest, "sentOn is required", "sentOn");
        await Refused(tajik, process, Letter("dles-mes", Sent), HttpStatusCode.Forbidden, "Only a coordinator for KZ");
        await Refused(observer, process, Letter("dles-mes", Sent), HttpStatusCode.Forbidden, "Only a coordinator for KZ");
        Assert.Empty(await coordinator.Reminders(process));

        // A retry with the same Idempotency-Key answers the first result and records nothing twice; the same reminder
        // recorded again without the key is a conflict.
        var first = await (await Record(coordinator, process, Letter("dles-mes", Sent), "retry-1")).Json(HttpStatusCode.Created);
        var again = await (await Record(coordinator, process, Letter("dles-mes", Sent), "retry-1")).Json(HttpStatusCode.Created);
        Assert.Equal(first.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        await Refused(coordinator, process, Letter("dles-mes", Sent), HttpStatusCode.Conflict, "A reminder to \"dles-mes\" sent on 2026-03-02 is already recorded");
        Assert.Single(await coordinator.Reminders(process));
        var audit = await (await coordinator.GetAsync($"/api/v1/processes/{ProcessApi.Id(process)}/audit")).Json(HttpStatusCode.OK);
        Assert.Single(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "reminder-recorded");
    }

    private static Task<HttpResponseMessage> Correct(HttpClient client, JsonElement process, long reminderId, object body) =>
        client.PatchAsJsonAsync($"/api/v1/processes/{ProcessApi.Id(process)}/reminders/recorded/{reminderId}", body);

    [Fact]
    public async Task A_mistyped_letter_number_is_corrected_the_audit_keeps_the_old_one_and_what_the_app_sent_cannot_be_touched()
    {
        using var app = new ReminderApp(smtp: null);
        var admin = await app.ClientAs("admin@wg.example.org", "Admin");
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var tajik = await app.ClientAs("coordinator.tj@wg.example.org", "Coordinator", "TJ");
        var process = await coordinator.InvitationsSent(Sent, "dles-mes", "epd-mes");
        var other = await coordinator.InvitationsSent(Sent, "dles-mes");
        app.MoveTo(new DateOnly(2026, 3, 10));
        var letter = (await (await Record(coordinator, process, Letter("dles-mes", new DateOnly(2026, 3, 6)))).Json(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        // The letter went out as 21-1-13/4120, and by e-mail: only those two change.
        var corrected = await (await Correct(coordinator, process, letter, new { letterNumber = "21-1-13/4120", channel = "email" })).Json(HttpStatusCode.OK);
        Assert.Equal(("email", "21-1-13/4120", "Signed by the Vice Minister", "2026-03-06", 1),
            (corrected.GetProperty("channel").GetString(), corrected.GetProperty("letterNumber").GetString(), corrected.GetProperty("note").GetString(),
                corrected.Date("dueOn"), corrected.GetProperty("sequence").GetInt32()));
        // An empty note clears it.
        await (await Correct(coordinator, process, letter, new { note = "" })).Json(HttpStatusCode.OK);
        var listed = Assert.Single(await coordinator.Reminders(process));
        Assert.Equal(("email", "21-1-13/4120", JsonValueKind.Null),
            (listed.GetProperty("channel").GetString(), listed.GetProperty("letterNumber").GetString(), listed.GetProperty("note").ValueKind));

        var audit = await (await coordinator.GetAsync($"/api/v1/processes/{ProcessApi.Id(process)}/audit")).Json(HttpStatusCode.OK);
        var corrections = audit.EnumerateArray().Where(a => a.GetProperty("action").GetString() == "reminder-corrected").ToList();
        Assert.Equal(2, corrections.Count);
        Assert.All(corrections, c => Assert.Equal((Who, "dles-mes"), (c.GetProperty("user").GetString(), c.GetProperty("bodyId").GetString())));
        Assert.Contains("21-1-13/4102", corrections[0].GetProperty("before").ToString());
        Assert.Contains("21-1-13/4120", corrections[0].GetProperty("after").ToString());

        // The first reminder the app recorded for epd-mes (not sent: no SMTP here) is the server's record, not the coordinator's.
        app.MoveTo(new DateOnly(2026, 3, 12));
        var swept = (await admin.Sweep()).GetProperty("recorded").EnumerateArray().Single(r => r.GetProperty("processId").GetString() == ProcessApi.Id(process)
            && r.GetProperty("bodyId").GetString() == "epd-mes").GetProperty("id").GetInt64();

        async Task Refused(HttpClient client, JsonElement target, long id, object body, HttpStatusCode status, string text, string? field = null)
        {
            var problem = await (await Correct(client, target, id, body)).Json(status);
            Assert.Contains(text, problem.GetProperty("detail").GetString());
            if (field is not null) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }
        await Refused(coordinator, process, swept, new { note = "chased" }, HttpStatusCode.Conflict, "only a reminder recorded by hand can be corrected");
        await Refused(coordinator, other, letter, new { note = "chased" }, HttpStatusCode.NotFound, $"The process has no reminder {letter}");
        await Refused(coordinator, process, letter, new { channel = "fax" }, HttpStatusCode.BadRequest, "channel \"fax\" is not one of", "channel");
        await Refused(coordinator, process, letter, new { letterNumber = new string('7', 101) }, HttpStatusCode.BadRequest, "letterNumber", "letterNumber");
        await Refused(tajik, process, letter, new { note = "chased" }, HttpStatusCode.Forbidden, "Only a coordinator for KZ");
        // A cancelled process's record is closed, its recorded reminders with it.
        var closed = (await (await Record(coordinator, other, Letter("dles-mes", new DateOnly(2026, 3, 6)))).Json(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await (await coordinator.PostAsJsonAsync($"/api/v1/processes/{ProcessApi.Id(other)}/cancel", new { cancelledOn = "2026-03-12", reason = "merged" }))
            .Json(HttpStatusCode.OK);
        await Refused(coordinator, other, closed, new { note = "late" }, HttpStatusCode.Conflict, "The process is cancelled; its record is closed.");
        var after = (await coordinator.Reminders(process)).Single(r => r.GetProperty("id").GetInt64() == letter);
        Assert.Equal(("email", "21-1-13/4120", JsonValueKind.Null),
            (after.GetProperty("channel").GetString(), after.GetProperty("letterNumber").GetString(), after.GetProperty("note").ValueKind));
    }

    private static Task<HttpResponseMessage> Withdraw(HttpClient client, JsonElement process, long reminderId) =>
        client.DeleteAsync($"/api/v1/processes/{ProcessApi.Id(process)}/reminders/recorded/{reminderId}");

    [Fact]
    public async Task A_reminder_recorded_by_mistake_is_withdrawn_and_the_sweep_sends_the_one_it_stood_for()
    {
        using var app = new ReminderApp(smtp: null);
        var admin = await app.ClientAs("admin@wg.example.org", "Admin");
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var observer = await app.ClientAs("observer@wg.example.org", "Observer");
        var process = await coordinator.InvitationsSent(Sent, "dles-mes", "epd-mes");

        // Recorded for the wrong body on the 10th: it stands for epd-mes's first reminder, due on the 12th.
        app.MoveTo(new DateOnly(2026, 3, 10));
        var wrong = (await (await Record(coordinator, process, Letter("epd-mes", app.Today))).Json(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        var right = (await (await Record(coordinator, process, Letter("dles-mes", app.Today))).Json(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, (await Withdraw(observer, process, wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Withdraw(coordinator, process, wrong)).StatusCode);
        var again = await (await Withdraw(coordinator, process, wrong)).Json(HttpStatusCode.NotFound);
        Assert.Contains($"The process has no reminder {wrong}", again.GetProperty("detail").GetString());
        Assert.Equal(["recorded 1 2026-03-10"], Series(await coordinator.Reminders(process), "dles-mes"));
        Assert.Empty(Series(await coordinator.Reminders(process), "epd-mes"));

        // The 12th: epd-mes is chased again, as if the mistaken letter had never been recorded; dles-mes is not.
        app.MoveTo(new DateOnly(2026, 3, 12));
        var swept = Assert.Single((await admin.Sweep()).GetProperty("recorded").EnumerateArray());
        Assert.Equal(("epd-mes", "reminder", 1), (swept.GetProperty("bodyId").GetString(), swept.GetProperty("kind").GetString(), swept.GetProperty("sequence").GetInt32()));

        // What the app sent is the server's record; a cancelled process's record is closed.
        var conflict = await (await Withdraw(coordinator, process, swept.GetProperty("id").GetInt64())).Json(HttpStatusCode.Conflict);
        Assert.Contains("only a reminder recorded by hand can be corrected or withdrawn", conflict.GetProperty("detail").GetString());
        await (await coordinator.PostAsJsonAsync($"/api/v1/processes/{ProcessApi.Id(process)}/cancel", new { cancelledOn = "2026-03-12", reason = "merged" }))
            .Json(HttpStatusCode.OK);
        var closed = await (await Withdraw(coordinator, process, right)).Json(HttpStatusCode.Conflict);
        Assert.Contains("its record is closed", closed.GetProperty("detail").GetString());
        Assert.Contains(await coordinator.Reminders(process), r => r.GetProperty("id").GetInt64() == right);

        // The audit trail keeps what the withdrawn record said.
        var audit = await (await coordinator.GetAsync($"/api/v1/processes/{ProcessApi.Id(process)}/audit")).Json(HttpStatusCode.OK);
        var withdrawn = Assert.Single(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "reminder-withdrawn");
        Assert.Equal((Who, "epd-mes", JsonValueKind.Null), (withdrawn.GetProperty("user").GetString(), withdrawn.GetProperty("bodyId").GetString(),
            withdrawn.GetProperty("after").ValueKind));
        Assert.Contains("21-1-13/4102", withdrawn.GetProperty("before").ToString());
    }

    [Fact]
    public async Task With_an_SMTP_server_the_process_page_does_not_warn_that_e_mail_is_not_set_up()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var process = await coordinator.InvitationsSent(Sent, "dles-mes");
        var page = await PageSession.SignedIn(app, "Coordinator", "KZ");
        await page.Get($"/processes/{ProcessApi.Id(process)}");
        Assert.Contains("id=\"reminders\"", page.Html);
        Assert.DoesNotContain("data-notice=\"no-smtp\"", page.Html);
    }

    [Fact]
    public async Task On_the_process_page_a_coordinator_records_corrects_and_withdraws_a_reminder_and_a_refusal_is_a_sentence_next_to_the_field()
    {
        using var app = new ReminderApp(smtp: null);
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var process = await coordinator.InvitationsSent(Sent, "dles-mes", "epd-mes");
        var path = $"/processes/{ProcessApi.Id(process)}";
        var page = await PageSession.SignedIn(app, "Coordinator", "KZ");
        await page.Get(path);
        const string form = "record-reminder";
        Assert.Contains($"data-form=\"{form}\"", page.Html);
        Assert.Contains("value=\"invitations:epd-mes\"", page.Html);
        Assert.DoesNotContain("value=\"invitations:iwac\"", page.Html); // answered: nothing to chase

        await page.Post($"{path}?handler=RecordReminder", new()
        {
            ["Input.Invitation"] = "invitations:dles-mes", ["Input.Date"] = "2026-03-09", ["Input.Channel"] = "letter", ["Input.LetterNumber"] = "21-1-13/4102",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("2026-03-09 is in the future", page.ErrorAfter(form, "Input.Date"));
        Assert.Contains("value=\"21-1-13/4102\"", page.Html); // what was typed stays

        await page.Post($"{path}?handler=RecordReminder", new() { ["Input.Invitation"] = "invitations:iwac", ["Input.Date"] = "2026-03-02", ["Input.Channel"] = "phone" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("already answered", page.Html);

        await page.Post($"{path}?handler=RecordReminder", new()
        {
            ["Input.Invitation"] = "invitations:dles-mes", ["Input.Date"] = "2026-03-02", ["Input.Channel"] = "letter",
            ["Input.LetterNumber"] = "21-1-13/4102", ["Input.Note"] = "Handed over at the ministry",
        });
        Assert.Equal($"{path}#reminders", page.Location?.OriginalString);
        await page.Follow();
        Assert.Contains("recorded by a coordinator 1: letter № 21-1-13/4102", page.Html);
        Assert.Contains("Handed over at the ministry", page.Html);
        Assert.Contains("not sent by the app, no Message-ID", page.Html);
        var only = Assert.Single(await coordinator.Reminders(process));
        Assert.Equal(("recorded", "dles-mes", "letter"), (only.GetProperty("kind").GetString(), only.GetProperty("bodyId").GetString(), only.GetProperty("channel").GetString()));

        // The number was mistyped: the correction form under the table starts from what is recorded.
        var correct = $"correct-reminder:{only.GetProperty("id").GetInt64()}";
        Assert.Contains($"data-form=\"{correct}\"", page.Html);
        Assert.Contains("Correct reminder 1 to", page.Html);
        await page.Post($"{path}?handler=CorrectReminder&reminder={only.GetProperty("id").GetInt64()}", new()
        {
            ["Input.Channel"] = "letter", ["Input.LetterNumber"] = new string('4', 101), ["Input.Note"] = "Handed over at the ministry",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("at most 100", page.ErrorAfter(correct, "Input.LetterNumber"));
        await page.Post($"{path}?handler=CorrectReminder&reminder={only.GetProperty("id").GetInt64()}", new()
        {
            ["Input.Channel"] = "letter", ["Input.LetterNumber"] = "21-1-13/4120", ["Input.Note"] = "",
        });
        Assert.Equal($"{path}#reminders", page.Location?.OriginalString);
        await page.Follow();
        Assert.Contains("recorded by a coordinator 1: letter № 21-1-13/4120", page.Html);
        Assert.DoesNotContain("Handed over at the ministry", page.Html[..page.Html.IndexOf("Audit trail", StringComparison.Ordinal)]); // cleared
        Assert.Contains("reminder corrected", page.Html); // the audit trail keeps the old values

        // An observer sees the history but neither form.
        var observer = await PageSession.SignedIn(app, "Observer");
        await observer.Get(path);
        Assert.Contains("recorded by a coordinator 1", observer.Html);
        Assert.DoesNotContain($"data-form=\"{form}\"", observer.Html);
        Assert.DoesNotContain($"data-form=\"{correct}\"", observer.Html);
        await observer.Post($"{path}?handler=CorrectReminder&reminder={only.GetProperty("id").GetInt64()}", new() { ["Input.Channel"] = "phone" });
        Assert.Equal("/account/denied", observer.Location?.AbsolutePath);
        await observer.Get(path);
        await observer.Post($"{path}?handler=WithdrawReminder&reminder={only.GetProperty("id").GetInt64()}", new());
        Assert.Equal("/account/denied", observer.Location?.AbsolutePath);

        // In another tab it was withdrawn already: this one's withdrawal says so above the reminders.
        var stale = await PageSession.SignedIn(app, "Coordinator", "KZ");
        await stale.Get(path);
        Assert.Contains("Withdraw this record", stale.Html);
        await page.Post($"{path}?handler=WithdrawReminder&reminder={only.GetProperty("id").GetInt64()}", new());
        Assert.Equal($"{path}#reminders", page.Location?.OriginalString);
        await page.Follow();
        Assert.DoesNotContain("recorded by a coordinator 1", page.Html);
        Assert.Contains("reminder withdrawn", page.Html);
        await stale.Post($"{path}?handler=WithdrawReminder&reminder={only.GetProperty("id").GetInt64()}", new());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.Status);
        Assert.Contains($"The process has no reminder {only.GetProperty("id").GetInt64()}", stale.Html);
        Assert.Empty(await coordinator.Reminders(process));
    }
}
