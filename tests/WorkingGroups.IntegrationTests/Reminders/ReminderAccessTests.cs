using System.Net;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>Who may do what with reminders, pausing, and the Hangfire dashboard.</summary>
[Collection("Reminders")]
public sealed class ReminderAccessTests
{
    [Fact]
    public async Task Coordinators_pause_and_resume_others_may_only_read_and_the_dashboard_is_for_admins()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        var admin = await app.ClientAs("admin@wg.example.org", "Admin");
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var tajik = await app.ClientAs("coordinator.tj@wg.example.org", "Coordinator", "TJ");
        var observer = await app.ClientAs("observer@wg.example.org", "Observer");
        var process = await coordinator.InvitationsSent(app.Today, "dles-mes");
        var reminders = $"/api/v1/processes/{ProcessApi.Id(process)}/reminders";

        Assert.Equal(HttpStatusCode.Forbidden, (await tajik.PostAsync($"{reminders}/pause", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.PostAsync($"{reminders}/send-now", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsync("/api/v1/admin/reminders/sweep", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(reminders)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync(reminders)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/v1/processes/{Guid.NewGuid()}/reminders")).StatusCode);

        var paused = await (await coordinator.PostAsync($"{reminders}/pause", null)).Json(HttpStatusCode.OK);
        Assert.True(paused.GetProperty("paused").GetBoolean());
        app.MoveTo(new DateOnly(2026, 3, 12));
        Assert.Empty((await admin.Sweep()).GetProperty("recorded").EnumerateArray());

        var resumed = await (await coordinator.PostAsync($"{reminders}/resume", null)).Json(HttpStatusCode.OK);
        Assert.False(resumed.GetProperty("paused").GetBoolean());
        Assert.Single((await admin.Sweep()).GetProperty("scheduled").EnumerateArray());
        Assert.Equal("sent", (await coordinator.Settled(process)).Single().Status());
        Assert.Single(smtp.Messages);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/hangfire")).StatusCode);
        var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.ToString());
    }
}
