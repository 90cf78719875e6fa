using System.Net;
using System.Net.Http.Json;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>The weekly digest: only to those who opted in, on Mondays, once a week.</summary>
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

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!smtp.Messages.Any(m => m.Subject!.StartsWith("Weekly digest")))
        {
            Assert.True(DateTime.UtcNow < deadline, "no digest arrived");
            await Task.Delay(100);
        }
        var digest = smtp.Messages.Single(m => m.Subject!.StartsWith("Weekly digest"));
        Assert.Equal([ReminderVerbs.Coordinator], digest.Recipients());
        Assert.Contains("Kazakhstan <b>WG</b> (KZ): day 35 of 120", digest.TextBody);
        Assert.Contains("waiting for Department of liquidation of emergency situations of the MES", digest.TextBody);
        Assert.Contains("35 days since the invitation", digest.TextBody);
        Assert.Contains("overdue: ", digest.TextBody);
        Assert.Contains("Kazakhstan &lt;b&gt;WG&lt;/b&gt;", digest.HtmlBody);

        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/v1/reminders/digest", new { weekly = false })).StatusCode);
        app.MoveTo(new DateOnly(2026, 4, 13));
        Assert.Equal(0, (await admin.Sweep()).GetProperty("digestsScheduled").GetInt32());
    }

    private sealed record DigestState(bool? Weekly);
}
