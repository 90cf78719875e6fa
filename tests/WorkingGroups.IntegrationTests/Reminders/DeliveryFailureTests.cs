using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>An SMTP server that refuses, an app that was stopped, and SMTP that is not configured.</summary>
[Collection("Reminders")]
public sealed class DeliveryFailureTests
{
    [Fact]
    public async Task A_refusing_smtp_server_is_retried_the_failure_is_visible_and_the_app_keeps_serving()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var process = await coordinator.InvitationsSent(app.Today, "dles-mes");
        var sendNow = $"/api/v1/processes/{ProcessApi.Id(process)}/reminders/send-now";

        // Refused once, then accepted: the retry delivers it, and the reminder shows both attempts.
        smtp.RefuseNext = 1;
        await (await coordinator.PostAsync(sendNow, null)).Json(HttpStatusCode.OK);
        var reminder = (await coordinator.Settled(process)).Single();
        Assert.Equal("sent", reminder.Status());
        Assert.Equal(2, reminder.GetProperty("attempts").GetInt32());
        Assert.Single(smtp.Messages);

        // Refused every time: after Reminders:MaxAttempts (3 here) it is failed, with the server's answer.
        smtp.RefuseNext = int.MaxValue;
        app.MoveTo(app.Today.AddDays(1));
        await (await coordinator.PostAsync(sendNow, null)).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health")).StatusCode);
        var failed = (await coordinator.Settled(process)).Last();
        Assert.Equal("failed", failed.Status());
        Assert.Equal(3, failed.GetProperty("attempts").GetInt32());
        Assert.Contains("refused by the test", failed.GetProperty("lastError").GetString());
        Assert.Equal(4, smtp.Refused);
        Assert.Single(smtp.Messages);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/v1/processes/{ProcessApi.Id(process)}")).StatusCode);
    }

    [Fact]
    public async Task The_smtp_password_never_reaches_the_log_nor_the_failure_shown_to_the_coordinator()
    {
        const string password = "Smtp-secret-8d41f0";
        await using var smtp = new SmtpSink(); // offers no AUTH, so signing in fails on every attempt
        using var app = new ReminderApp(smtp);
        app.With("Smtp:UserName", "tracker").With("Smtp:Password", password);
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var process = await coordinator.InvitationsSent(app.Today, "dles-mes");

        await (await coordinator.PostAsync($"/api/v1/processes/{ProcessApi.Id(process)}/reminders/send-now", null)).Json(HttpStatusCode.OK);
        var failed = (await coordinator.Settled(process)).Single();
        Assert.Equal("failed", failed.Status());
        Assert.Empty(smtp.Messages);

        var shown = failed.GetProperty("lastError").GetString()!;
        Assert.NotEmpty(shown); // the coordinator sees why...
        Assert.DoesNotContain(password, shown); // ...but never the secret
        var logged = await LogFiles.WaitForAsync(app.Folder, "authentication", StringComparison.OrdinalIgnoreCase);
        Assert.Contains("authentication", logged, StringComparison.OrdinalIgnoreCase); // the failed sign-in is logged...
        Assert.DoesNotContain(password, logged); // ...without the secret
    }

    [Fact]
    public async Task An_smtp_server_that_never_answers_times_out_each_attempt_and_the_app_keeps_serving()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections (the kernel's backlog) and never says a word
        using var app = new ReminderApp(smtp: null);
        app.With("Smtp:Host", "127.0.0.1").With("Smtp:Port", ((IPEndPoint)silent.LocalEndpoint).Port.ToString())
            .With("Smtp:Security", "None").With("Smtp:Timeout", "00:00:01");
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var process = await coordinator.InvitationsSent(app.Today, "dles-mes");
        await (await coordinator.PostAsync($"/api/v1/processes/{ProcessApi.Id(process)}/reminders/send-now", null)).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health")).StatusCode);
        var failed = (await coordinator.Settled(process)).Single();
        Assert.Equal("failed", failed.Status());
        Assert.Equal(3, failed.GetProperty("attempts").GetInt32());
        Assert.Contains("Timeout", failed.GetProperty("lastError").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_reminder_due_while_the_app_was_stopped_is_sent_once_after_start_up()
    {
        var folder = Directory.CreateTempSubdirectory("wg-restart-").FullName;
        await using var smtp = new SmtpSink();
        JsonElement process;
        using (var before = new ReminderApp(smtp, folder, sqliteJobs: true))
        {
            var coordinator = await before.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
            process = await coordinator.InvitationsSent(before.Today, "dles-mes");
        }

        // The first reminder fell due on 12 March while the app was stopped; it starts again on the 13th.
        using (var after = new ReminderApp(smtp, folder, sqliteJobs: true, now: new DateTimeOffset(2026, 3, 13, 9, 0, 0, TimeSpan.Zero)))
        {
            _ = after.Server;
            var message = (await smtp.WaitForAsync(1)).Single();
            Assert.Equal(["dles.mes@example.org"], message.Recipients());
            var admin = await after.ClientAs("admin@wg.example.org", "Admin");
            Assert.Equal("sent", (await admin.Settled(process)).Single().Status());
        }

        // Started once more on the same day: the sweep at start-up finds it sent.
        using (var again = new ReminderApp(smtp, folder, sqliteJobs: true, now: new DateTimeOffset(2026, 3, 13, 15, 0, 0, TimeSpan.Zero)))
        {
            var admin = await again.ClientAs("admin2@wg.example.org", "Admin");
            var sweep = await admin.Sweep();
            Assert.Empty(sweep.GetProperty("recorded").EnumerateArray());
            Assert.Empty(sweep.GetProperty("scheduled").EnumerateArray());
            await Task.Delay(TimeSpan.FromSeconds(2)); // room for a wrong second e-mail to arrive
            Assert.Single(smtp.Messages);
            Assert.Single(await admin.Reminders(process));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* a log file may still be closing */ }
    }

    [Fact]
    public async Task A_reminder_whose_job_was_lost_in_a_crash_is_handed_out_again_and_sent_once()
    {
        var folder = Directory.CreateTempSubdirectory("wg-lost-").FullName;
        await using var smtp = new SmtpSink();
        var due = new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);
        JsonElement process;
        using (var before = new ReminderApp(smtp: null, folder))
        {
            var coordinator = await before.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
            process = await coordinator.InvitationsSent(before.Today, "dles-mes");
            before.Clock.SetUtcNow(due);
            var admin = await before.ClientAs("admin@wg.example.org", "Admin");
            Assert.Single((await admin.Sweep()).GetProperty("recorded").EnumerateArray());
            // As if the app died after handing the reminder to a job that never ran (jobs were in memory).
            using var scope = before.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Reminders.ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, MailStatus.Scheduled).SetProperty(r => r.ScheduledAt, due.UtcDateTime));
        }

        using (var after = new ReminderApp(smtp, folder, now: due.AddHours(1)))
        {
            var admin = await after.ClientAs("admin2@wg.example.org", "Admin");
            await smtp.WaitForAsync(1);
            var reminder = (await admin.Settled(process)).Single();
            Assert.Equal("sent", reminder.Status());
            Assert.Equal(1, reminder.GetProperty("attempts").GetInt32());
            Assert.Empty((await admin.Sweep()).GetProperty("scheduled").EnumerateArray());
            await Task.Delay(TimeSpan.FromSeconds(2)); // room for a wrong second e-mail to arrive
            Assert.Single(smtp.Messages);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* a log file may still be closing */ }
    }

    [Fact]
    public async Task Without_smtp_reminders_are_recorded_as_due_and_nothing_is_sent()
    {
        using var app = new ReminderApp(smtp: null);
        var admin = await app.ClientAs("admin@wg.example.org", "Admin");
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var process = await coordinator.InvitationsSent(app.Today, "dles-mes");
        app.MoveTo(new DateOnly(2026, 3, 12));
        var sweep = await admin.Sweep();
        Assert.Single(sweep.GetProperty("recorded").EnumerateArray());
        Assert.Empty(sweep.GetProperty("scheduled").EnumerateArray());
        Assert.Equal("due", (await coordinator.Reminders(process)).Single().Status());
    }
}
