using Microsoft.Extensions.Configuration;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Infrastructure.Settings;
using WorkingGroups.Infrastructure.Mail;

namespace WorkingGroups.IntegrationTests.Hosting;

/// <summary>
/// Bad settings stop the app before it touches anything, with one line per bad setting that names it, its value and
/// what it must be; good ones are read as written.
/// </summary>
public sealed class SettingsCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wg-settings-").FullName;

    [Fact]
    public async Task Every_bad_setting_is_listed_at_once_and_the_app_stops_with_exit_code_2()
    {
        var environment = new Dictionary<string, string>
        {
            ["Data__Folder"] = _folder,
            ["Reminders__SweepInterval"] = "hourly",
            ["Smtp__Port"] = "0",
            ["Smtp__Password"] = "s3cret-pw",
            ["Auth__SessionCheck"] = "5",
            ["App__BaseUrl"] = "wg.example.org",
            ["Proxy__KnownProxies__0"] = "10.0.0.300",
        };

        var run = await AppProcess.RunAsync([], environment, TimeSpan.FromSeconds(60));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("5 settings are wrong:", run.Error);
        Assert.Contains("Reminders:SweepInterval is \"hourly\"; it must be a duration from 00:01:00 to 1.00:00:00", run.Error);
        Assert.Contains("Smtp:Port is \"0\"; it must be a whole number from 1 to 65535.", run.Error);
        Assert.Contains("Auth:SessionCheck is \"5\"", run.Error); // a bare number would otherwise be five days
        Assert.Contains("App:BaseUrl is \"wg.example.org\"; it must be an absolute http or https address", run.Error);
        Assert.Contains("Proxy:KnownProxies:0 is \"10.0.0.300\"; it must be an IP address", run.Error);
        Assert.DoesNotContain("   at ", run.Error + run.Output); // no stack trace
        Assert.DoesNotContain("s3cret-pw", run.Error + run.Output);
        Assert.False(File.Exists(Path.Combine(_folder, "workinggroups.db")));
    }

    [Fact]
    public void Settings_as_an_administrator_writes_them_are_read_as_written()
    {
        var options = ReminderOptions.Read(Configuration(new()
        {
            ["Reminders:SweepInterval"] = "00:15:00",
            ["Reminders:LinkDays"] = "45",
            ["Reminders:Storage"] = "inmemory",
            ["App:BaseUrl"] = "https://wg.example.org/tracker/",
        }));

        Assert.Equal(TimeSpan.FromMinutes(15), options.SweepInterval);
        Assert.Equal(45, options.LinkDays);
        Assert.Equal("inmemory", options.Storage);
        Assert.Equal("https://wg.example.org/tracker", options.BaseUrl);
        Assert.Equal(SmtpSecurity.SslOnConnect, SmtpOptions.Read(Configuration(new() { ["Smtp:Security"] = "sslonconnect" })).Security);
        // Proxies as an environment variable can give: one value with commas.
        var proxies = SettingsReader.Use(Configuration(new() { ["Proxy:KnownProxies"] = "10.0.0.5, 10.0.0.6" }), read => read.IpAddresses("Proxy:KnownProxies"));
        Assert.Equal(["10.0.0.5", "10.0.0.6"], proxies.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("Reminders:LinkDays", "0", "Reminders:LinkDays is \"0\"; it must be a whole number from 1 to 366.")]
    [InlineData("Reminders:RetryDelay", "5 minutes", "Reminders:RetryDelay is \"5 minutes\"; it must be a duration from 00:00:01 to 1.00:00:00")]
    [InlineData("Reminders:Storage", "Redis", "Reminders:Storage is \"Redis\"; it must be SQLite (beside the database) or InMemory.")]
    [InlineData("Smtp:Security", "1", "Smtp:Security is \"1\"; it must be None, StartTls or SslOnConnect.")]
    public void A_bad_setting_is_refused_with_what_it_must_be(string key, string value, string message)
    {
        var read = new SettingsReader(Configuration(new() { [key] = value }));
        ReminderOptions.Read(read);
        SmtpOptions.Read(read);

        Assert.StartsWith(message, Assert.Single(read.Problems));
    }

    [Fact]
    public void A_service_given_a_bad_setting_throws_with_every_problem_it_read()
    {
        var error = Assert.Throws<SettingsException>(() => ReminderOptions.Read(Configuration(new()
        {
            ["Reminders:MaxAttempts"] = "-1",
            ["Reminders:Workers"] = "lots",
        })));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("Reminders:Workers is \"lots\"", error.Message);
    }

    [Fact]
    public void Every_public_reader_of_settings_is_run_by_the_start_up_check()
    {
        // A module whose reader is missing from SettingsCheck would fail later, with a stack trace from whichever
        // service asked first, instead of one readable line before anything is touched.
        var check = File.ReadAllText(Path.Combine(AppProcess.RepositoryRoot(), "src", "WorkingGroups.Web", "Hosting", "SettingsCheck.cs"));
        var readers = new[] { typeof(Web.Hosting.SettingsCheck).Assembly, typeof(ReminderOptions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type != typeof(SettingsReader) && !type.Name.Contains('<'))
            .SelectMany(type => type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(method => method.GetParameters().Any(p => p.ParameterType == typeof(SettingsReader)))
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}(")
            .ToList();

        Assert.True(readers.Count >= 9, "the readers were not found: " + string.Join(", ", readers));
        Assert.All(readers, reader => Assert.Contains(reader, check));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a log file may still be closing */ }
    }
}
