using Microsoft.Extensions.Configuration;
using WorkingGroups.Infrastructure.Settings;

namespace WorkingGroups.Infrastructure.Mail;

public enum SmtpSecurity { None, StartTls, SslOnConnect }

/// <summary>The <c>Smtp</c> section. Without a Host nothing is sent and reminders stay due.</summary>
public sealed record SmtpOptions(string? Host, int Port, SmtpSecurity Security, string? UserName, string? Password, string From, TimeSpan Timeout)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    public static SmtpOptions Read(IConfiguration configuration) => SettingsReader.Use(configuration, Read);

    public static SmtpOptions Read(SettingsReader read) => new(
        read.Text("Smtp:Host"),
        read.Number("Smtp:Port", 25, 1, 65535),
        read.Choice("Smtp:Security", SmtpSecurity.StartTls),
        read.Text("Smtp:UserName"),
        read.Text("Smtp:Password"),
        read.Text("Smtp:From") ?? "workinggroups@localhost",
        read.Duration("Smtp:Timeout", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)));
}
