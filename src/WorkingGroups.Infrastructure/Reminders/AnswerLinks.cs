using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>What an answer link names: one body's invitation in one step, as it was when the link was made.</summary>
public sealed record AnswerTicket(Guid ProcessId, string StepId, string BodyId, Guid InvitationVersion, DateTime ExpiresAt);

public enum TicketCheck { Valid, Forged, Expired }

/// <summary>
/// Signed answer links: Data Protection encrypts and signs the ticket; the expiry travels inside it and is checked
/// against the app's clock (so it can be tested, and an expired link is told apart from a forged one).
/// </summary>
public sealed class AnswerLinks(IDataProtectionProvider provider, TimeProvider clock, ReminderOptions options)
{
    private readonly IDataProtector _protector = provider.CreateProtector("WorkingGroups.Reminders.AnswerLink.v1");

    public string Token(Guid processId, string stepId, string bodyId, Guid invitationVersion) =>
        Token(new AnswerTicket(processId, stepId, bodyId, invitationVersion, clock.GetUtcNow().UtcDateTime.AddDays(options.LinkDays)));

    public string Token(AnswerTicket ticket) =>
        _protector.Protect(string.Join('|', ticket.ProcessId.ToString("N"), ticket.StepId, ticket.BodyId,
            ticket.InvitationVersion.ToString("N"), ticket.ExpiresAt.Ticks.ToString(CultureInfo.InvariantCulture)));

    public string Url(string token) => $"{options.BaseUrl}/answer/{token}";

    public (TicketCheck Check, AnswerTicket? Ticket) Read(string token)
    {
        string text;
        try
        {
            text = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return (TicketCheck.Forged, null);
        }
        catch (FormatException)
        {
            return (TicketCheck.Forged, null);
        }
        var parts = text.Split('|');
        if (parts.Length != 5 || !Guid.TryParseExact(parts[0], "N", out var process) || !Guid.TryParseExact(parts[3], "N", out var version)
            || !long.TryParse(parts[4], CultureInfo.InvariantCulture, out var ticks))
        {
            return (TicketCheck.Forged, null);
        }
        var ticket = new AnswerTicket(process, parts[1], parts[2], version, new DateTime(ticks, DateTimeKind.Utc));
        return (ticket.ExpiresAt < clock.GetUtcNow().UtcDateTime ? TicketCheck.Expired : TicketCheck.Valid, ticket);
    }
}
