using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Definitions;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>What a reminder e-mail needs to know beyond the reminder itself.</summary>
public sealed record MailFacts(Process Process, ProcessDefinition Definition, IReadOnlyList<string> Coordinators, string? Link, DateTime? LinkExpires, DateOnly Today,
    ICountryNames Countries);

/// <summary>Writes the e-mail of one reminder: recipients, language, subject, plain text and HTML (every name encoded).</summary>
public static class ReminderMail
{
    public static MimeMessage Compose(Reminder reminder, MailFacts facts, string from)
    {
        var definition = facts.Definition;
        var body = definition.FindBody(reminder.BodyId)!;
        var step = definition.FindStep(reminder.StepId)!;
        var processStep = facts.Process.Step(reminder.StepId)!;
        var invitation = processStep.Invitations.FirstOrDefault(i => i.BodyId == reminder.BodyId);

        var (recipients, languageOf) = Recipients(reminder, definition, body, facts.Coordinators);
        var language = ReminderTexts.LanguageOf(languageOf);
        var t = ReminderTexts.For(language);
        var bodyName = body.Name.Get(language);
        var group = definition.Title.Get(language);
        var lead = definition.FindBody(definition.LeadBodyId);

        var lines = new List<string>
        {
            // An escalation is written to the chairs and the coordinators about the silent body, not to its contact.
            reminder.Kind == ReminderKind.Escalation ? t.DearColleagues : string.Format(CultureInfo.InvariantCulture, t.Dear, body.Contact?.Name ?? bodyName),
            string.Format(CultureInfo.InvariantCulture, t.WaitingFor, group, bodyName),
            string.Format(CultureInfo.InvariantCulture, t.Asked, step.Title.Get(language) + ": "
                + (invitation is null ? t.StepAsk : string.Format(CultureInfo.InvariantCulture, t.InvitationAsk, bodyName))),
        };
        if (invitation is not null)
            lines.Add(string.Format(CultureInfo.InvariantCulture, t.SentOn, invitation.SentOn, facts.Today.DayNumber - invitation.SentOn.DayNumber));
        else if (processStep.ActivatedOn is { } since)
            lines.Add(string.Format(CultureInfo.InvariantCulture, t.ActiveSince, since, facts.Today.DayNumber - since.DayNumber)
                + " " + string.Format(CultureInfo.InvariantCulture, t.Benchmark, processStep.BenchmarkDays));
        if (reminder.Kind == ReminderKind.Escalation)
            lines.Add(string.Format(CultureInfo.InvariantCulture, t.EscalationLine, bodyName, reminder.Sequence - 1));
        if (reminder.Kind == ReminderKind.Overdue)
            lines.Add(string.Format(CultureInfo.InvariantCulture, t.OverdueLine, step.Title.Get(language), processStep.BenchmarkDays,
                processStep.ElapsedDays(facts.Today)));
        if (lead?.Contact is { } leadContact)
            lines.Add(string.Format(CultureInfo.InvariantCulture, t.Contact, $"{lead.Name.Get(language)} <{leadContact.Email}>"));
        if (facts.Coordinators.Count > 0)
            lines.Add(string.Format(CultureInfo.InvariantCulture, t.Coordinators, string.Join(", ", facts.Coordinators)));

        var kindWord = reminder.Kind switch
        {
            ReminderKind.Escalation => t.Escalation,
            ReminderKind.Overdue => t.Overdue,
            _ => t.Reminder,
        };
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var to in recipients) message.To.Add(MailboxAddress.Parse(to));
        message.Subject = $"{kindWord}: {bodyName} — {step.Title.Get(language)} ({facts.Countries.Of(definition.Country, language)})";
        message.MessageId = MessageId(reminder, from);
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new BodyBuilder
        {
            TextBody = Text(lines, facts, t),
            HtmlBody = Html(lines, facts, t, language),
        }.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, language);
        return message;
    }

    /// <summary>The language a composed message is written in.</summary>
    public static string? LanguageOf(MimeMessage message) => message.Body?.Headers[HeaderId.ContentLanguage];

    /// <summary>The same reminder always has the same Message-ID, so a resend after a crash can be recognised as one.</summary>
    public static string MessageId(Reminder reminder, string from)
    {
        var kind = reminder.Kind.ToString().ToLowerInvariant();
        return $"{reminder.ProcessId:N}.{reminder.StepId}.{reminder.BodyId}.{kind}.{reminder.DueOn:yyyyMMdd}@{DomainOf(from)}";
    }

    /// <summary>The sender's domain, for Message-IDs.</summary>
    public static string DomainOf(string from) => from.Contains('@') ? from[(from.LastIndexOf('@') + 1)..].TrimEnd('>') : "workinggroups.local";

    /// <summary>
    /// Who receives it, and whose language it is written in. A body without a contact is reached through the
    /// coordinators of the country.
    /// </summary>
    public static (List<string> To, string Language) Recipients(Reminder reminder, ProcessDefinition definition, Body body, IReadOnlyList<string> coordinators)
    {
        var to = new List<string>();
        var language = body.Language;
        switch (reminder.Kind)
        {
            case ReminderKind.Escalation:
                to.AddRange(definition.Chairs.Select(c => c.Contact?.Email).OfType<string>());
                to.AddRange(coordinators);
                language = definition.Chairs.FirstOrDefault()?.Language ?? "ru";
                break;
            case ReminderKind.Overdue:
                if (body.Contact is { } owner) to.Add(owner.Email);
                to.AddRange(coordinators);
                break;
            default:
                if (body.Contact is { } contact) to.Add(contact.Email);
                else to.AddRange(coordinators);
                break;
        }
        return (to.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), language);
    }

    private static string Text(List<string> lines, MailFacts facts, ReminderTexts t)
    {
        var text = new StringBuilder();
        foreach (var line in lines) text.AppendLine(line).AppendLine();
        if (facts.Link is not null)
            text.AppendLine(string.Format(CultureInfo.InvariantCulture, t.AnswerHere, facts.LinkExpires)).AppendLine(facts.Link).AppendLine();
        text.AppendLine("--").AppendLine(t.Footer);
        return text.ToString();
    }

    private static string Html(List<string> lines, MailFacts facts, ReminderTexts t, string language)
    {
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{language}\"><body>");
        foreach (var line in lines) html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        if (facts.Link is not null)
        {
            var link = WebUtility.HtmlEncode(facts.Link);
            html.Append("<p>").Append(WebUtility.HtmlEncode(string.Format(CultureInfo.InvariantCulture, t.AnswerHere, facts.LinkExpires)))
                .Append($"<br><a href=\"{link}\">{link}</a></p>");
        }
        html.Append("<p><small>").Append(WebUtility.HtmlEncode(t.Footer)).Append("</small></p></body></html>");
        return html.ToString();
    }
}
