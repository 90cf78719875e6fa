using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;
using Xunit.Abstractions;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>
/// kill -9 while a sweep's reminders go out: the real app as a child process on a SQLite file (Hangfire's jobs in its
/// SQLite file too), SMTP pointed at a sink in this process, killed twice mid-delivery and started again on the same folder.
/// </summary>
public sealed partial class SweepKillTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Twenty Kazakh processes with eight silent bodies each: 160 invitations overdue for their first reminder.</summary>
    private const int Processes = 20;

    /// <summary>Hangfire's workers: at most this many send jobs are in flight when the app is killed.</summary>
    private const int Workers = 2;

    private readonly string _data = Directory.CreateTempSubdirectory("wg-sweep-kill-").FullName;
    private readonly ITestOutputHelper _output;

    public SweepKillTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Killed_twice_mid_delivery_every_reminder_arrives_and_a_resend_carries_the_same_Message_ID()
    {
        await using var smtp = new SmtpSink();
        var environment = new Dictionary<string, string>
        {
            ["Samples__Load"] = "false",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtp.Port.ToString(),
            ["Smtp__Security"] = "None",
            ["Smtp__From"] = "tracker@wg.example.org",
            ["Reminders__PollInterval"] = "00:00:01",
            ["Reminders__Workers"] = Workers.ToString(),
        };
        var token = await CreateAdminTokenAsync();

        // Invitations sent 12 days ago: the first reminder (day 10, moved to Monday over a weekend) is due, the second is not.
        var sentOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-12).ToString("yyyy-MM-dd");
        var ids = new List<string>();
        var kills = new List<int>();
        await using (var app = await RunningApp.StartAsync(_data, Timeout, environment))
        {
            var client = app.Client(token);
            for (var i = 0; i < Processes; i++)
            {
                var process = await client.Start("kz-establishment", sentOn, $"Crash test {i}");
                process = await client.Complete(process, "start-procedure", sentOn);
                process = await client.Complete(process, "draft-order", sentOn);
                process = await client.Complete(process, "letter-to-minister", sentOn);
                ids.Add(ProcessApi.Id(process));
            }
            var sweep = await client.Sweep();
            Assert.Equal(Processes * 8, sweep.GetProperty("recorded").GetArrayLength());

            // Kill 1: a quarter of the way through.
            kills.Add(await KillOnceArrivedAsync(app, smtp, Processes * 8 / 4));
        }

        // Kill 2: after the restart has sent some more (what the first run left claimed included).
        await using (var app = await RunningApp.StartAsync(_data, Timeout, environment))
            kills.Add(await KillOnceArrivedAsync(app, smtp, smtp.Messages.Count + Processes * 8 / 4));

        await using var last = await RunningApp.StartAsync(_data, Timeout, environment);
        var reminders = await AllSentAsync(last.Client(token), ids, Processes * 8);
        await Task.Delay(TimeSpan.FromSeconds(2)); // room for a wrong extra e-mail to arrive

        // Recorded once: one reminder per silent invitation, each sent.
        Assert.Equal(Processes * 8, reminders.Length);
        Assert.Equal(reminders.Length, reminders.Select(r => (r.ProcessId, r.BodyId)).Distinct().Count());
        Assert.All(reminders, r => Assert.Equal("sent", r.Status));

        // None lost: every reminder's Message-ID arrived, and nothing else did.
        var received = smtp.Messages;
        var messageIds = received.GroupBy(m => m.MessageId).ToList();
        Assert.Equal(reminders.Select(r => r.MessageId).Order(), messageIds.Select(g => g.Key).Order());

        // Sent twice at most for what was in flight at a kill: a job killed after the SMTP server accepted its message and
        // before our commit of "sent" sends it again after the restart. That is the at-least-once bound; the copy has the
        // same Message-ID, recipients and text (but for its answer link, signed anew), so mail clients show it once.
        var duplicates = received.Count - messageIds.Count;
        Assert.InRange(duplicates, 0, kills.Count * Workers);
        foreach (var copies in messageIds.Where(g => g.Count() > 1))
            Assert.Single(copies.Select(m => (string.Join(",", m.Recipients()), m.Subject, AnswerLink().Replace(m.TextBody!, "/answer/…"))).Distinct());
        _output.WriteLine($"{reminders.Length} reminders; {string.Join(" and ", kills)} e-mails had arrived at the kills; " +
                          $"{received.Count} e-mails received, {duplicates} of them a resend");
    }

    /// <summary>Kills the app once <paramref name="count"/> e-mails have arrived, and returns how many had when it died.</summary>
    private static async Task<int> KillOnceArrivedAsync(RunningApp app, SmtpSink smtp, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (smtp.Messages.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {smtp.Messages.Count} of {count} e-mails arrived\n{app.Output}");
            await Task.Delay(20);
        }
        await app.KillAsync();
        var arrived = smtp.Messages.Count;
        // Some, not all: a kill after the last e-mail would show nothing.
        Assert.True(arrived < Processes * 8, $"every e-mail had arrived before the kill ({arrived})");
        return arrived;
    }

    private sealed record SentReminder(Guid ProcessId, string BodyId, string Status, string? MessageId);

    /// <summary>Waits until the processes' reminders are all recorded as sent (or failed, which the caller then sees).</summary>
    private static async Task<SentReminder[]> AllSentAsync(HttpClient client, List<string> ids, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        while (true)
        {
            var reminders = new List<SentReminder>();
            foreach (var id in ids)
            {
                var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}/reminders");
                reminders.AddRange(page.GetProperty("reminders").Deserialize<List<SentReminder>>(JsonSerializerOptions.Web)!);
            }
            if (reminders.Count >= expected && reminders.All(r => r.Status is "sent" or "failed" or "cancelled")) return [.. reminders];
            Assert.True(DateTime.UtcNow < deadline,
                "reminders still on their way: " + string.Join(", ", reminders.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}")));
            await Task.Delay(500);
        }
    }

    private Task<string> CreateAdminTokenAsync() =>
        AppProcess.UserWithTokenAsync(_data, "admin@wg.example.org", "sweep-kill", Timeout, "--role", "Admin", "--password", ReminderApp.Password);

    [GeneratedRegex(@"/answer/\S+")]
    private static partial Regex AnswerLink();

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
