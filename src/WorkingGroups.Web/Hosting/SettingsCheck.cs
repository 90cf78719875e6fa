using WorkingGroups.Infrastructure.Groups.Notices;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Infrastructure.Samples;
using WorkingGroups.Infrastructure.Settings;
using WorkingGroups.Web.Auth;
using WorkingGroups.Infrastructure.Mail;

namespace WorkingGroups.Web.Hosting;

/// <summary>
/// Reads every setting the app takes once it is built, before anything else resolves one: bad settings are one
/// readable line each on the console and exit code 2, not a stack trace from whichever service asked first, and
/// nothing (the database above all) has been touched. A module that reads a new setting adds its reader here.
/// </summary>
internal static class SettingsCheck
{
    public static bool HasInvalidSettings(this WebApplication app, TextWriter error)
    {
        var read = new SettingsReader(app.Configuration);
        DatabaseOptions.Read(read);
        ReminderOptions.Read(read);
        SmtpOptions.Read(read);
        GroupNoticeSweep.ReadDays(read);
        SamplesSettings.Load(read);
        AuthModule.SessionCheck(read);
        RequestLimitsModule.MaxBytes(read);
        SecurityHeadersModule.Read(read);
        OpenApiModule.Anonymous(read, app.Environment.IsDevelopment());
        if (read.Problems.Count == 0) return false;
        error.WriteLine(read.Problems.Count == 1 ? "A setting is wrong:" : $"{read.Problems.Count} settings are wrong:");
        foreach (var problem in read.Problems) error.WriteLine("  " + problem);
        error.WriteLine("Settings come from appsettings.json, environment variables (Section__Name) and the command line (--Section:Name=value).");
        return true;
    }
}
