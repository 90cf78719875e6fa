using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>
/// The real app with a fake clock (moved by weeks), SMTP pointed at a loopback <see cref="SmtpSink"/>, short retry and
/// polling intervals, and Hangfire on InMemory storage unless a test asks for the default SQLite file.
/// </summary>
public sealed class ReminderApp(SmtpSink? smtp, string? dataFolder = null, bool sqliteJobs = false, DateTimeOffset? now = null) : AppFactory
{
    /// <summary>The password of the users <see cref="ClientAs"/> adds, for a test that signs in on the pages too.</summary>
    public const string Password = "Correct-horse-42";

    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(now ?? Monday);

    /// <summary>The data folder in use (a given one survives the host, for restarts).</summary>
    public string Folder => dataFolder ?? DataFolder;

    /// <summary>Services a test adds or replaces, after the app's own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public void MoveTo(DateOnly date) => Clock.SetUtcNow(new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    /// <summary>These defaults first, then the base's settings (so <see cref="AppFactory.With"/> overrides them).</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (smtp is not null)
        {
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", smtp.Port.ToString());
            builder.UseSetting("Smtp:Security", "None");
            builder.UseSetting("Smtp:From", "tracker@wg.example.org");
            builder.UseSetting("Smtp:Timeout", "00:00:10");
        }
        builder.UseSetting("App:BaseUrl", "http://localhost");
        builder.UseSetting("Reminders:Storage", sqliteJobs ? "SQLite" : "InMemory");
        builder.UseSetting("Reminders:PollInterval", "00:00:01");
        builder.UseSetting("Reminders:RetryDelay", "00:00:01");
        builder.UseSetting("Reminders:MaxAttempts", "3");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            TestServices?.Invoke(services);
        });
        base.ConfigureWebHost(builder);
        if (dataFolder is not null) builder.UseSetting("Data:Folder", dataFolder);
    }

    /// <summary>A client signed in with a long-lived token (the fake clock moves by weeks), as a user with a known e-mail.</summary>
    public async Task<HttpClient> ClientAs(string email, string role, string? country = null)
    {
        _ = Server;
        using var scope = Services.CreateScope();
        var administration = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        await administration.AddUserAsync(email, role, country, Password);
        var token = await administration.CreateTokenAsync(email, "tests", days: 3650);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
