using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;
using WorkingGroups.IntegrationTests.Reminders;
using Xunit.Abstractions;

namespace WorkingGroups.IntegrationTests.Postgres;

/// <summary>
/// Two app processes behind one imaginary proxy, sharing one PostgreSQL database for state, engine and jobs: a
/// thousand coordinator actions spread over both, then a reminder sweep started on both at once. Every action is
/// applied once, every process ends where its actions lead, and every due reminder reaches the SMTP server once.
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static readonly string[] Bodies = ReminderVerbs.KazakhBodies;

    /// <summary>Processes walked to establishment: 3 steps, 8 answers and the approval each, 12 actions.</summary>
    private const int Established = 80;

    /// <summary>Processes left with their invitations out, so that the sweep has agencies to remind: 3 actions each.</summary>
    private const int Waiting = 14;

    private readonly PostgresDatabases _databases = new();
    private readonly List<string> _folders = [];
    private SmtpSink _smtp = null!;

    public Task InitializeAsync()
    {
        _smtp = new SmtpSink();
        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task A_thousand_actions_and_a_sweep_over_two_instances_are_each_applied_and_sent_once()
    {
        var database = _databases.Create();
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = database,
            ["Samples__Load"] = "false",
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = _smtp.Port.ToString(),
            ["Smtp__Security"] = "None",
            ["Smtp__From"] = "tracker@wg.example.org",
            ["Reminders__PollInterval"] = "00:00:01",
            ["Reminders__RetryDelay"] = "00:00:01",
            ["Reminders__SweepInterval"] = "1.00:00:00",
        };
        var coordinator = await TokenAsync(environment, "Coordinator", "KZ");
        var admin = await TokenAsync(environment, "Admin", null);

        // Both start at once on the same database: the start-up lock lets one migrate and publish while the other waits.
        string[] appFolders = [Folder(), Folder()];
        var starting = appFolders.Select(folder => RunningApp.StartAsync(folder, Timeout, environment)).ToArray();
        await using var first = await starting[0];
        await using var second = await starting[1];
        HttpClient[] clients = [first.Client(coordinator), second.Client(coordinator)];

        // The actions of each process alternate between the instances, eight processes at a time.
        var acknowledged = 0;
        var processes = new ConcurrentDictionary<string, bool>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Established + Waiting), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, _) =>
        {
            var turn = n;
            HttpClient Next() => clients[turn++ % 2];
            var process = await Next().Start("kz-establishment", "2025-09-01", $"Group {n}");
            process = await Next().Complete(process, "start-procedure", "2025-09-08");
            process = await Next().Complete(process, "draft-order", "2025-09-29", $"ISC-{n}/2025");
            process = await Next().Complete(process, "letter-to-minister", "2025-10-13", $"ISC-24-12/{n}");
            Interlocked.Add(ref acknowledged, 3);
            var establish = n < Established;
            processes[ProcessApi.Id(process)] = establish;
            if (!establish) return;
            for (var i = 0; i < Bodies.Length; i++)
            {
                process = await Next().Accept(process, "invitations", Bodies[i], new DateOnly(2025, 10, 20).AddDays(i).ToString("yyyy-MM-dd"));
                Interlocked.Increment(ref acknowledged);
            }
            process = await Next().Complete(process, "approve-composition", "2025-12-29", $"Order {n}");
            Interlocked.Increment(ref acknowledged);
            Assert.Equal("established", process.Status());
        });
        Assert.True(acknowledged >= 1000, $"only {acknowledged} actions");

        // Every action applied exactly once, whichever instance is asked afterwards.
        foreach (var (id, established) in processes)
        {
            var process = await clients[1].GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}");
            var audit = (await clients[0].GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}/audit")).EnumerateArray()
                .Select(a => a.GetProperty("action").GetString()).ToList();
            Assert.Equal(established ? 4 : 3, audit.Count(a => a == "step-completed"));
            Assert.Equal(established ? 8 : 0, audit.Count(a => a == "invitation-answered"));
            if (established)
            {
                Assert.Equal("established", process.Status());
                Assert.Equal(1, audit.Count(a => a == "established"));
            }
            else
            {
                Assert.Equal(["invitations"], process.ActiveSteps());
            }
        }

        // The sweep, started on both instances at once: what falls due is scheduled once between them.
        var sweeps = await Task.WhenAll(new[] { first, second }.Select(async app =>
            await (await app.Client(admin).PostAsync("/api/v1/admin/reminders/sweep", null)).Json(HttpStatusCode.OK)));
        var scheduled = sweeps.Sum(s => s.GetProperty("scheduled").GetArrayLength());
        output.WriteLine($"{acknowledged} actions; the two sweeps scheduled {string.Join(" + ", sweeps.Select(s => s.GetProperty("scheduled").GetArrayLength()))} reminders");
        Assert.True(scheduled >= Waiting * Bodies.Length, $"only {scheduled} reminders scheduled");

        // Every process, not only the waiting ones: each instance also sweeps once at its start, and that sweep may meet a
        // process early in its walk (started in 2025, so its first step is long overdue). What it recorded for a step
        // completed since is cancelled at sending, and what it sent counts like the rest.
        var sent = new List<string>();
        foreach (var (id, established) in processes)
        {
            var reminders = await clients[0].Settled(JsonDocument.Parse($"{{\"id\":\"{id}\"}}").RootElement, seconds: 120);
            Assert.All(reminders, r => Assert.Contains(r.Status(), new[] { "sent", "cancelled" }));
            if (!established) Assert.All(reminders.Where(r => r.GetProperty("stepId").GetString() == "invitations"), r => Assert.Equal("sent", r.Status()));
            sent.AddRange(reminders.Where(r => r.Status() == "sent").Select(r => r.GetProperty("messageId").GetString()!));
        }
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.True(sent.Count >= scheduled, $"{sent.Count} reminders sent of the {scheduled} the two sweeps scheduled");

        // Each recorded reminder reached the SMTP server exactly once.
        var received = (await _smtp.WaitForAsync(sent.Count, seconds: 60)).Select(m => m.MessageId).ToList();
        Assert.Equal(sent.Order(), received.Order());

        // Which instance sent how many: Hangfire hands each send job to whichever instance's worker takes it first.
        // A job logs "sent" after the SMTP goodbye, a moment after it recorded the reminder as sent: wait for the lines.
        List<int> SentBy() => appFolders.Select(f => LogFiles.ReadAll(f).Split('\n')
            .Count(line => line.Contains("\"@mt\":\"{Mail} {Id} sent", StringComparison.Ordinal) && line.Contains("\"Mail\":\"Reminder\"", StringComparison.Ordinal))).ToList();
        var sentBy = SentBy();
        for (var wait = 0; sentBy.Sum() < sent.Count && wait < 100; wait++)
        {
            await Task.Delay(100);
            sentBy = SentBy();
        }
        output.WriteLine($"sent by the first instance: {sentBy[0]}, by the second: {sentBy[1]}");
        Assert.Equal(sent.Count, sentBy.Sum());
    }

    private string Folder()
    {
        var folder = Directory.CreateTempSubdirectory("wg-two-").FullName;
        _folders.Add(folder);
        return folder;
    }

    private async Task<string> TokenAsync(Dictionary<string, string> environment, string role, string? country)
    {
        var email = $"{role.ToLowerInvariant()}@example.org";
        var folder = new Dictionary<string, string>(environment) { ["Data__Folder"] = Folder() };
        string[] add = country is null
            ? ["user", "add", "--email", email, "--role", role]
            : ["user", "add", "--email", email, "--role", role, "--country", country];
        var added = await AppProcess.RunAsync(add, folder, Timeout);
        Assert.True(added.ExitCode == 0, added.Error + added.Output);
        var created = await AppProcess.RunAsync(["token", "create", "--email", email, "--name", "two-instances"], folder, Timeout);
        Assert.True(created.ExitCode == 0, created.Error + created.Output);
        return created.Output.Split('\n').Single(l => l.StartsWith("wg_", StringComparison.Ordinal)).Trim();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _databases.Dispose();
        foreach (var folder in _folders)
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* a log file may still be closing */ }
        }
    }
}
