using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace WorkingGroups.Infrastructure.Mail;

/// <summary>Sends one message over SMTP with MailKit. SmtpClient is not thread-safe: one per message.</summary>
public sealed class MailSender(SmtpOptions smtp)
{
    /// <param name="accepted">
    /// Runs as soon as the server has taken the message, before the goodbye: what the caller records there no longer
    /// waits for one more round trip, which a crash could fall into and make the message go out twice.
    /// </param>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken, Func<Task>? accepted = null)
    {
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        var security = smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        if (accepted is not null) await accepted();
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
