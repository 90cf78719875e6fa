using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>
/// Sweeps that overlap (the recurring one, an admin's, the same on another instance) hand each due reminder to one send
/// job only, and their reports add up to what was due: an admin reading them is never told of a reminder twice.
/// </summary>
[Collection("Reminders")]
public sealed class ConcurrentSweepTests
{
    private static readonly string[] Bodies = ReminderVerbs.KazakhBodies;

    [Fact]
    public async Task Three_sweeps_at_once_hand_each_due_reminder_to_one_send_job()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        var admin = await app.ClientAs("admin@wg.example.org", "Admin");
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var processes = new List<JsonElement>();
        for (var n = 0; n < 6; n++) processes.Add(await coordinator.InvitationsSent(app.Today, Bodies));

        // Ten days later every silent agency's first reminder is recorded as due and not yet handed out, as a sweep that
        // stopped after recording leaves it: the next sweeps find nothing to record and go straight to handing out.
        app.MoveTo(new DateOnly(2026, 3, 12));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.Reminders.AddRange(processes.SelectMany(p => Bodies.Select(body => new Reminder
            {
                ProcessId = Guid.Parse(ProcessApi.Id(p)), StepId = "invitations", BodyId = body, Kind = ReminderKind.Reminder,
                Sequence = 1, DueOn = app.Today, Status = MailStatus.Due, CreatedAt = now,
            })));
            await db.SaveChangesAsync();
        }

        var sweeps = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(admin.Sweep)));
        Assert.All(sweeps, s => Assert.Empty(s.GetProperty("recorded").EnumerateArray()));
        var scheduled = sweeps.SelectMany(s => s.GetProperty("scheduled").EnumerateArray()).Select(r => r.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(processes.Count * Bodies.Length, scheduled.Count);
        Assert.Equal(scheduled.Count, scheduled.Distinct().Count());

        var sent = new List<string>();
        foreach (var process in processes) sent.AddRange((await coordinator.Settled(process)).Select(r => r.GetProperty("messageId").GetString()!));
        Assert.Equal(scheduled.Count, sent.Distinct().Count());
        Assert.Equal(sent.Order(), (await smtp.WaitForAsync(sent.Count)).Select(m => m.MessageId).Order());
    }
}
