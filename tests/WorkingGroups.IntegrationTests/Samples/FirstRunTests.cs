using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Samples;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Samples;

/// <summary>What a newcomer's first `dotnet run` does on an empty data folder, and what a second start does not do again.</summary>
public sealed partial class FirstRunTests
{
    private static AppFactory WithSamples(string? data = null, bool keepData = false) =>
        (data is null ? new AppFactory() : AppFactory.On(data, keepData)).With("Samples:Load", "true");

    [Fact]
    public async Task First_start_loads_the_three_countries_and_their_sample_histories_with_the_expected_elapsed_days()
    {
        using var host = new FirstRunHost(WithSamples());
        using var client = await host.ObserverAsync();
        var definitions = await client.GetFromJsonAsync<JsonElement>("/api/v1/definitions");
        Assert.Equal(["kz-amendment", "kz-establishment", "tj-amendment", "tj-establishment", "uz-establishment"],
            definitions.EnumerateArray().Select(d => d.GetProperty("id").GetString()!).Order().ToArray());

        var processes = await host.ProcessesAsync();
        Assert.Equal(["KZ", "TJ", "UZ"], processes.Keys.Order().ToArray());

        var kz = processes["KZ"];
        Assert.Equal(("established", "2021-09-13", "2022-01-18", 127), Summary(kz));
        var answered = kz.Step("invitations").GetProperty("invitations").EnumerateArray().Select(i => i.Date("respondedOn")).ToList();
        Assert.Equal(8, answered.Distinct().Count()); // eight answers, each on its own day
        Assert.Equal("21-1-13/3587", kz.Step("letter-to-minister").GetProperty("evidence")[0].GetProperty("number").GetString());

        var tj = processes["TJ"];
        Assert.Equal(("established", "2022-11-01", "2023-02-02", 93), Summary(tj));
        Assert.Equal("done", tj.Step("mfa-transmittal").Status());

        // Uzbekistan is still running, its dates counted back from today: the nominations are overdue.
        var uz = processes["UZ"];
        Assert.Equal("active", uz.Status());
        Assert.Equal(200, uz.GetProperty("elapsedDays").GetInt32());
        Assert.Equal(["nominations"], uz.ActiveSteps());
        var nominations = uz.Step("nominations");
        Assert.Equal("overdue", nominations.GetProperty("state").GetString());
        Assert.Equal(172, nominations.GetProperty("elapsedDays").GetInt32());
        Assert.Equal(3, nominations.GetProperty("invitations").EnumerateArray().Count(i => i.Status() == "pending"));

        // What a newcomer sees on the processes page.
        var page = host.Browser();
        await page.Get("/account/sign-in");
        await page.Post("/account/sign-in", new() { ["Email"] = await host.UserAsync(Roles.Observer), ["Password"] = TestUsers.Password });
        await page.Get("/processes");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        foreach (var p in processes.Values) Assert.Contains(System.Net.WebUtility.HtmlEncode(p.GetProperty("title").GetString()!), page.Html);

        // Played through the process service: each sample action is in the audit trail.
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(kz)}/audit");
        var recorded = audit.EnumerateArray().Where(a => a.GetProperty("user").GetString() == SampleLoader.User).ToList();
        // started, 4 steps completed, 8 answers, 10 reminders sent outside the app, and the establishment the last completion brought
        Assert.Equal(24, recorded.Count);
        Assert.Equal("established", recorded[^1].GetProperty("action").GetString());

        // The reminder history of the agencies that answered late, recorded through the reminder service: e-mails from the
        // ministry's mailbox, reminder letters with their numbers, calls; each before its agency answered.
        var reminders = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(kz)}/reminders")).GetProperty("reminders")
            .EnumerateArray().ToList();
        Assert.Equal(10, reminders.Count);
        Assert.All(reminders, r => Assert.Equal(("recorded", "sent", SampleLoader.User, JsonValueKind.Null),
            (r.GetProperty("kind").GetString(), r.Status(), r.GetProperty("recordedBy").GetString(), r.GetProperty("messageId").ValueKind)));
        string[] History(string body) => reminders.Where(r => r.GetProperty("bodyId").GetString() == body)
            .Select(r => $"{r.GetProperty("sequence").GetInt32()} {r.Date("sentOn")} {r.GetProperty("channel").GetString()} {r.GetProperty("letterNumber").GetString()}".TrimEnd())
            .ToArray();
        Assert.Equal(["1 2021-11-05 email", "2 2021-11-12 email", "3 2021-11-22 letter 21-1-13/4103", "4 2021-12-06 phone"], History("epd-mes"));
        Assert.Equal(["1 2021-11-05 email", "2 2021-11-12 email", "3 2021-11-22 letter 21-1-13/4102"], History("dles-mes"));
        Assert.Equal(["1 2021-11-05 email", "2 2021-11-15 phone"], History("wmp-menr"));
        Assert.Equal(["1 2021-11-05 email"], History("cwr-menr"));
        var answeredOn = kz.Step("invitations").GetProperty("invitations").EnumerateArray()
            .ToDictionary(i => i.GetProperty("bodyId").GetString()!, i => i.Date("respondedOn")!);
        Assert.All(reminders, r => Assert.True(string.CompareOrdinal(r.Date("sentOn"), answeredOn[r.GetProperty("bodyId").GetString()!]) < 0, r.ToString()));
    }

    [Fact]
    public async Task First_start_creates_one_Admin_whose_one_time_password_is_printed_once_and_never_logged()
    {
        var data = Directory.CreateTempSubdirectory("wg-first-").FullName;
        string password;
        using (var first = new FirstRunHost(AppFactory.On(data, keepData: true)))
        {
            var match = PasswordLine().Match(first.Console.ToString());
            Assert.True(match.Success, "the console shows the one-time password: " + first.Console);
            password = match.Groups[1].Value;
            Assert.Contains("admin@localhost", first.Console.ToString());

            using var scope = first.App.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var admin = Assert.Single(await users.Users.ToListAsync());
            Assert.Equal("admin@localhost", admin.Email);
            Assert.True(admin.MustChangePassword);
            Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
            Assert.True(await users.CheckPasswordAsync(admin, password));

            // The printed password signs in on the pages, which then ask for a password of one's own first.
            var page = first.Browser();
            await page.Get("/account/sign-in");
            await page.Post("/account/sign-in", new() { ["Email"] = "admin@localhost", ["Password"] = password });
            Assert.Equal(System.Net.HttpStatusCode.Redirect, page.Status);
            await page.Get("/processes");
            Assert.Equal("/account/password", page.Location?.OriginalString);
        }

        using (var second = new FirstRunHost(AppFactory.On(data, keepData: false)))
        {
            Assert.Equal("", second.Console.ToString());
            using var scope = second.App.Services.CreateScope();
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().Users.CountAsync());
            var logs = Directory.GetFiles(Path.Combine(data, "logs"));
            Assert.NotEmpty(logs);
            Assert.All(logs, log => Assert.DoesNotContain(password, LogFiles.ReadShared(log)));
        }
    }

    [Fact]
    public async Task First_start_gives_the_Kazakh_group_a_year_of_meetings_and_a_Work_Plan_in_every_state()
    {
        using var host = new FirstRunHost(WithSamples());
        using var client = await host.ObserverAsync();
        var group = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/groups?country=KZ")).EnumerateArray());
        var id = group.GetProperty("id").GetString();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // The annual meeting that adopted the plan, with observers and approved minutes; then an interim review.
        var meetings = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{id}/meetings")).EnumerateArray().ToList();
        var annual = Assert.Single(meetings, m => m.GetProperty("kind").GetString() == "annual");
        Assert.True(annual.GetProperty("held").GetBoolean());
        Assert.Equal(today.AddDays(-150).ToString("yyyy-MM-dd"), annual.Date("date"));
        Assert.Equal("approved", annual.GetProperty("minutes").GetString());
        Assert.Equal("WG-1/2026", annual.GetProperty("minutesDocument").GetProperty("number").GetString());
        Assert.Contains(annual.GetProperty("attendees").EnumerateArray(), a => a.GetProperty("organisation").GetString() == "ЕЭК ООН" && a.GetProperty("observer").GetBoolean());
        var interim = Assert.Single(meetings, m => m.GetProperty("kind").GetString() == "interim");
        Assert.Equal(3, interim.GetProperty("itemReviews").GetArrayLength());

        var plan = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{id}/workplans")).EnumerateArray());
        plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/groups/{id}/workplans/{plan.GetProperty("id").GetString()}");
        Assert.Equal("adopted", plan.GetProperty("status").GetString());
        Assert.Equal(annual.GetProperty("id").GetString(), plan.GetProperty("adoptedAt").GetString());
        Assert.Equal(["done", "in-progress", "in-progress", "planned"], plan.GetProperty("items").EnumerateArray().Select(i => i.Status()).ToArray());
        var progress = plan.GetProperty("progress");
        // Done, in progress on time, overdue (the joint inspection, past its deadline), and one not started.
        Assert.Equal((4, 1, 1, 1), (progress.GetProperty("items").GetInt32(), progress.GetProperty("done").GetInt32(),
            progress.GetProperty("inProgress").GetInt32(), progress.GetProperty("overdue").GetInt32()));
    }

    [Fact]
    public async Task A_second_start_on_the_same_folder_changes_nothing()
    {
        var data = Directory.CreateTempSubdirectory("wg-second-").FullName;
        string before;
        using (var first = new FirstRunHost(WithSamples(data, keepData: true)))
        {
            before = await SnapshotAsync(first);
        }
        using var second = new FirstRunHost(WithSamples(data));
        Assert.Equal(before, await SnapshotAsync(second));
        Assert.Equal("", second.Console.ToString()); // no second Admin, no password
    }

    [Fact]
    public async Task Samples_are_not_loaded_into_a_database_that_already_has_a_process()
    {
        var data = Directory.CreateTempSubdirectory("wg-real-").FullName;
        using (var first = new FirstRunHost(AppFactory.On(data, keepData: true)))
        {
            using var client = await first.ObserverAsync();
            using var scope = first.App.Services.CreateScope();
            var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            await administration.AddUserAsync("coord@example.org", Roles.Coordinator, "TJ", "Correct-horse-42");
            client.DefaultRequestHeaders.Authorization = new("Bearer", await administration.CreateTokenAsync("coord@example.org", "t", 1));
            await client.Start("tj-establishment", "2025-03-03", "Real work");
        }
        using var second = new FirstRunHost(WithSamples(data));
        var processes = await second.ProcessesAsync();
        Assert.Equal("Real work", Assert.Single(processes.Values).GetProperty("title").GetString());
    }

    [Fact]
    public async Task With_samples_off_there_are_no_processes_and_no_sample_definition()
    {
        using var host = new FirstRunHost(new AppFactory().With("Samples:Load", "false"));
        Assert.Empty(await host.ProcessesAsync());
        using var client = await host.ObserverAsync();
        var definitions = await client.GetFromJsonAsync<JsonElement>("/api/v1/definitions");
        Assert.DoesNotContain(definitions.EnumerateArray(), d => d.GetProperty("id").GetString() == "uz-establishment");
        Assert.Contains("One-time password", host.Console.ToString()); // the Admin does not depend on the samples
    }

    [Fact]
    public async Task An_edited_sample_definition_that_was_already_published_stops_the_start()
    {
        var data = Directory.CreateTempSubdirectory("wg-edited-").FullName;
        using (new FirstRunHost(WithSamples(data, keepData: true))) { }

        var samples = CopyOfSamples();
        var file = Path.Combine(samples, "uz-establishment.v1.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"days\": 456", "\"days\": 400"));
        var (exit, _, error) = await AppProcess.RunAsync([], new Dictionary<string, string>
        {
            ["Data__Folder"] = data,
            ["Samples__Folder"] = samples,
        }, TimeSpan.FromSeconds(60));
        Assert.Equal(2, exit);
        Assert.Contains("uz-establishment.v1.json:1: $.version: \"uz-establishment\" version 1 was published on", error);
    }

    [Fact]
    public async Task A_sample_history_with_a_mistake_loads_no_sample_at_all()
    {
        var samples = CopyOfSamples();
        var tj = Path.Combine(samples, "histories", "tj-established.json");
        File.WriteAllText(tj, File.ReadAllText(tj).Replace("\"complete\": \"mfa-transmittal\"", "\"complete\": \"mfa-transmital\""));
        using var host = new FirstRunHost(WithSamples().With("Samples:Folder", samples));
        Assert.Empty(await host.ProcessesAsync());
        var logs = Path.Combine(host.App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Data:Folder"]!, "logs");
        const string expected = "tj-established.json: $.actions[2]: \\\"tj-establishment\\\" has no step \\\"mfa-transmital\\\"";
        // The file sink writes on its own schedule: give it a moment on a busy machine before reading what it wrote.
        var log = "";
        for (var i = 0; i < 40 && !log.Contains(expected); i++, await Task.Delay(250))
            log = string.Concat(Directory.GetFiles(logs).Select(LogFiles.ReadShared));
        Assert.Contains(expected, log);
    }

    private static (string, string?, string?, int) Summary(JsonElement p) =>
        (p.Status(), p.Date("startedOn"), p.Date("establishedOn"), p.GetProperty("elapsedDays").GetInt32());

    /// <summary>Processes, their audit trails, reminders and users, as one comparable text.</summary>
    private static async Task<string> SnapshotAsync(FirstRunHost host)
    {
        using var scope = host.App.Services.CreateScope();
        await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var processes = await db.Processes.OrderBy(p => p.Country).Select(p => $"{p.Id} {p.Country} {p.Status} {p.StartedOn} {p.EstablishedOn}").ToListAsync();
        var audit = await db.AuditEntries.CountAsync();
        // Recorded reminders only: the start-up sweep adds the app's own for the running Uzbek sample whenever it gets to it.
        var reminders = await db.Reminders.Where(r => r.Kind == WorkingGroups.Core.Reminders.ReminderKind.Recorded).OrderBy(r => r.Id).Select(r => $"{r.BodyId} {r.Kind} {r.Sequence} {r.DueOn} {r.LetterNumber}").ToListAsync();
        Assert.NotEmpty(reminders);
        var users = await db.Users.OrderBy(u => u.Email).Select(u => u.Email).ToListAsync();
        var versions = await db.DefinitionVersions.OrderBy(v => v.DefinitionId).Select(v => $"{v.DefinitionId} v{v.Version} {v.ContentHash}").ToListAsync();
        Assert.Equal(3, processes.Count);
        return string.Join("\n", [.. processes, $"audit {audit}", .. reminders, .. users, .. versions]);
    }

    /// <summary>The repository's samples/ in a temporary folder a test may edit.</summary>
    private static string CopyOfSamples()
    {
        var source = Path.Combine(AppProcess.RepositoryRoot(), "samples");
        var copy = Directory.CreateTempSubdirectory("wg-samples-").FullName;
        foreach (var file in Directory.GetFiles(source, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"One-time password \(shown once; it must be changed at first sign-in\): (\S+)")]
    private static partial System.Text.RegularExpressions.Regex PasswordLine();
}
