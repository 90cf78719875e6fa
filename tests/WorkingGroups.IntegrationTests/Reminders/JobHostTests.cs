using System.Net;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>
/// Several apps in one process (as the tests run them): each one's jobs run against its own database, clock and SMTP
/// server, whichever app configured Hangfire last.
/// </summary>
[Collection("Reminders")]
public sealed class JobHostTests
{
    [Fact]
    public async Task A_reminder_is_sent_by_its_own_app_when_another_app_set_hangfires_static_activator_while_it_started()
    {
        await using var otherSmtp = new SmtpSink();
        using var other = new ReminderApp(otherSmtp);
        _ = other.Server;

        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp)
        {
            // Constructed before the Hangfire server: the other app takes Hangfire's static activator, as it does when it
            // configures Hangfire while this one is starting.
            TestServices = services => services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(_ => new ActivatorTakenBy(other.Services))),
        };
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var process = await coordinator.InvitationsSent(app.Today, "dles-mes");

        await (await coordinator.PostAsync($"/api/v1/processes/{ProcessApi.Id(process)}/reminders/send-now", null)).Json(HttpStatusCode.OK);

        Assert.Equal("sent", (await coordinator.Settled(process)).Single().Status());
        Assert.Equal(["dles.mes@example.org"], (await smtp.WaitForAsync(1)).Single().Recipients());
        Assert.Empty(otherSmtp.Messages);
    }

    private sealed class ActivatorTakenBy : IHostedService
    {
        public ActivatorTakenBy(IServiceProvider other) =>
            JobActivator.Current = new AspNetCoreJobActivator(other.GetRequiredService<IServiceScopeFactory>());

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
