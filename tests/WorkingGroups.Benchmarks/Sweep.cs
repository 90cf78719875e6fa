using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// Scenario 6: the reminder sweep (the app's own ReminderSweep, on a SQLite file with the app's settings, Hangfire
/// on in-memory storage with no server, so jobs are enqueued but not sent) over 1,000 and 10,000 pending invitations.
/// The processes are written straight into the projection, sitting at the Kazakh invitations step for 30 days: the
/// sweep only reads the projection, and starting 1,100 processes through the engine would take the whole run.
/// Measured: the sweep that records every due reminder and enqueues its job, and the next one, which finds them all
/// recorded already (the hourly steady state).
/// </summary>
public static class Sweep
{
    public static async Task RunAsync(Settings settings, Results results)
    {
        foreach (var size in settings.SweepSizes)
        {
            await using var services = await StartAsync(settings, $"sweep{size}");
            var seeded = await SeedAsync(services, size);
            var sweep = services.GetRequiredService<ReminderSweep>();
            var contexts = services.GetRequiredService<IDbContextFactory<AppDbContext>>();

            var scheduled = 0;
            var first = await Measure.RepeatAsync(1, settings.Repetitions, async _ =>
            {
                await using (var db = await contexts.CreateDbContextAsync()) await db.Reminders.ExecuteDeleteAsync();
                var start = Stopwatch.GetTimestamp();
                scheduled = (await sweep.RunAsync(CancellationToken.None)).Scheduled.Count;
                return Measure.Milliseconds(start);
            });
            if (scheduled < seeded) throw new InvalidOperationException($"the sweep scheduled {scheduled} reminders for {seeded} pending invitations");
            results.Add("6 sweep", $"sweep, {size:N0} pending invitations", Measure.Median(first), "ms", $"records and enqueues {scheduled:N0}");

            var steady = await Measure.RepeatAsync(1, settings.Repetitions, async _ =>
            {
                var start = Stopwatch.GetTimestamp();
                await sweep.RunAsync(CancellationToken.None);
                return Measure.Milliseconds(start);
            });
            results.Add("6 sweep", $"next sweep, {size:N0} already reminded", Measure.Median(steady), "ms", "nothing new due");
        }
    }

    private static async Task<ServiceProvider> StartAsync(Settings settings, string name)
    {
        return await InProcessServices.StartAsync(settings, settings.NewFolder(name), new()
        {
            ["Reminders:Storage"] = "InMemory",
            ["Smtp:Host"] = "127.0.0.1", // configured, so due reminders get send jobs; no Hangfire server runs them
        }, services => services.AddReminderServices());
    }

    /// <summary>Kazakh processes at their invitations step, invitations sent 30 days ago and unanswered.</summary>
    private static async Task<int> SeedAsync(ServiceProvider services, int invitations)
    {
        var definition = services.GetRequiredService<DefinitionVersions>().Get("kz-establishment", 1);
        var invitationsStep = definition.Steps.Single(s => s.Kind == StepKind.Invitations);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sent = today.AddDays(-30);
        var contexts = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var seeded = 0;
        while (seeded < invitations)
        {
            await using var db = await contexts.CreateDbContextAsync();
            for (var batch = 0; batch < 200 && seeded < invitations; batch++)
            {
                // Through the process's own commands: every step before the invitations done on the day they went out.
                var process = Process.Start(definition, today.AddDays(-60), "Benchmark", "bench", DateTime.UtcNow, today);
                foreach (var step in definition.Steps.TakeWhile(s => s != invitationsStep))
                    process.Complete(definition, step.Id, new CompleteStep(sent, null, null), today);
                seeded += process.Step(invitationsStep.Id)!.Invitations.Count;
                db.Processes.Add(process);
            }
            await db.SaveChangesAsync();
        }
        return seeded;
    }
}
