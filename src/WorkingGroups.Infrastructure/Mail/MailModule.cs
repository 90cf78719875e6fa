using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Hosting;
using WorkingGroups.Infrastructure.Jobs;

namespace WorkingGroups.Infrastructure.Mail;

internal static class MailModule
{
    /// <summary>
    /// The outbox every kind of e-mail goes through: SMTP with MailKit, claims, retries by Hangfire jobs, and the
    /// release of what a killed run left claimed.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        if (!services.FirstTime<MailSender>()) return services;
        services.AddJobs();
        services.AddClock();
        services.AddSingleton(sp => SmtpOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<MailSender>();
        services.AddSingleton<MailDelivery>();
        services.AddSingleton<IStartupWork, ReleaseUnfinishedMail>();
        services.AddHostedService<SmtpCheck>();
        return services;
    }

    /// <summary>A kind of e-mail sent through the outbox; its claims are released after a killed run.</summary>
    public static IServiceCollection AddMailKind<TMail>(this IServiceCollection services) where TMail : class, IOutgoingMail
    {
        services.AddMail();
        services.AddSingleton<MailKind, MailKind<TMail>>();
        return services;
    }
}

/// <summary>Once the app has started: says that nothing is sent while SMTP is missing.</summary>
internal sealed class SmtpCheck(SmtpOptions smtp, ILogger<SmtpCheck> logger) : AfterStart
{
    protected override void Run()
    {
        if (!smtp.IsConfigured)
            logger.LogWarning("Smtp:Host is not set: reminders are recorded as due, but no e-mail is sent until SMTP is configured");
    }
}
