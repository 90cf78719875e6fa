using WorkingGroups.Core.Calendars;
using System.Net;
using System.Text;
using MimeKit;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>What a reminder e-mail needs to know beyond the reminder itself.</summary>
internal sealed record MailFacts(Process Process, ProcessDefinition Definition, IReadOnlyList<string> Coordinators, string? Link, DateTime? LinkExpires, DateOnly Today,
    TextCatalog Texts)
{
    /// <summary>What the benchmarks count: the overdue line says working days when they do.</summary>
    public DayRuler Ruler { get; init; } = DayRuler.Calendar;
}

/// <summary>Writes the e-mail of one reminder: recipients, language, subject, plain text and HTML (every name encoded).</summary>
internal static class ReminderMail
{
    public static MimeMessage Compose(Reminder reminder, MailFacts facts, string from)
    {
        var definition = facts.Definition;
        var body = definition.FindBody(reminder.BodyId)!;
        var (recipients, asked) = Recipients(reminder, definition, body, facts.Coordinators);
        var texts = facts.Texts;
        // The reader's languages as written (kk, then ru beneath when the definition asks for both).
        var languages = asked.Select(texts.For).Distinct().ToList();
        var written = languages.Select(l => Write(reminder, facts, body, l)).ToList();

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var to in recipients) message.To.Add(MailboxAddress.Parse(to));
        message.Subject = string.Join(" / ", written.Select(w => w.Subject));
        message.MessageId = MessageId(reminder, from);
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new BodyBuilder
        {
            TextBody = string.Join("\n\n", written.Select(w => Text(w.Lines, facts.Link, w.AnswerHere, w.Footer))),
            HtmlBody = Html(written.Zip(languages).ToList(), facts.Link),
        }.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, string.Join(", ", languages));
        return message;
    }

    private sealed record Written(string Subject, List<string> Lines, string? AnswerHere, string Footer);

    /// <summary>The reminder in one language: its subject, its sentences, the link's line and the footer.</summary>
    private static Written Write(Reminder reminder, MailFacts facts, Body body, string language)
    {
        var definition = facts.Definition;
        var texts = facts.Texts;
        var step = definition.FindStep(reminder.StepId)!;
        var processStep = facts.Process.Step(reminder.StepId)!;
        var invitation = processStep.Invitations.FirstOrDefault(i => i.BodyId == reminder.BodyId);
        string Say(string key, params object?[] args) => texts.Say(language, key, args);
        string Count(string key, long count, params object?[] args) => texts.Count(language, key, count, args);
        var bodyName = body.Name.Get(language);
        var group = definition.GroupName.Get(language);
        var stepTitle = step.Title.Get(language);
        var lead = definition.FindBody(definition.LeadBodyId);

        var lines = new List<string>
        {
            // An escalation is written to the chairs and the coordinators about the silent body, not to its contact.
            reminder.Kind == ReminderKind.Escalation ? Say("Mail.Reminder.DearColleagues") : Say("Mail.Reminder.Dear", body.Contact?.Name ?? bodyName),
            Say("Mail.Reminder.WaitingFor", group, bodyName),
            Say("Mail.Reminder.Asked", stepTitle, invitation is null ? Say("Mail.Reminder.StepAsk") : Say("Mail.Reminder.InvitationAsk", bodyName)),
        };
        if (invitation is not null)
            lines.Add(Count("Mail.Reminder.SentOn", facts.Today.DayNumber - invitation.SentOn.DayNumber, texts.Date(language, invitation.SentOn)));
        else if (processStep.ActivatedOn is { } since)
            lines.Add(Count("Mail.Reminder.ActiveSince", facts.Today.DayNumber - since.DayNumber, texts.Date(language, since))
                + " " + Count("Mail.Reminder.Benchmark", processStep.BenchmarkDays));
        if (reminder.Kind == ReminderKind.Escalation)
            lines.Add(Count("Mail.Reminder.EscalationLine", reminder.Sequence - 1, bodyName));
        if (reminder.Kind == ReminderKind.Overdue)
            lines.Add(Say(facts.Ruler.Unit == BenchmarkUnit.WorkingDays ? "Mail.Reminder.OverdueLineWorking" : "Mail.Reminder.OverdueLine",
                stepTitle, processStep.BenchmarkDays, processStep.ElapsedDays(facts.Today, facts.Ruler)));
        if (lead?.Contact is { } leadContact)
            lines.Add(Say("Mail.Reminder.Contact", $"{lead.Name.Get(language)} <{leadContact.Email}>"));
        if (facts.Coordinators.Count > 0)
            lines.Add(Say("Mail.Reminder.Coordinators", string.Join(", ", facts.Coordinators)));

        var kindWord = Say(reminder.Kind switch
        {
            ReminderKind.Escalation => "Mail.Reminder.Escalation",
            ReminderKind.Overdue => "Mail.Reminder.Overdue",
            _ => "Mail.Reminder.Reminder",
        });
        var subject = Say("Mail.Reminder.Subject", kindWord, bodyName, stepTitle, texts.Country(language, definition.Country));
        var answerHere = facts.LinkExpires is { } expires ? Say("Mail.Reminder.AnswerHere", texts.Date(language, DateOnly.FromDateTime(expires))) : null;
        return new Written(subject, lines, answerHere, Say("Mail.Footer"));
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
    /// Who receives it, and the languages it is written in. A body without a contact is reached through the
    /// coordinators of the country.
    /// </summary>
    public static (List<string> To, IReadOnlyList<string> Languages) Recipients(Reminder reminder, ProcessDefinition definition, Body body, IReadOnlyList<string> coordinators)
    {
        var to = new List<string>();
        var languages = body.Languages;
        switch (reminder.Kind)
        {
            case ReminderKind.Escalation:
                to.AddRange(definition.Chairs.Select(c => c.Contact?.Email).OfType<string>());
                to.AddRange(coordinators);
                languages = definition.Chairs.FirstOrDefault()?.Languages ?? ["ru"];
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
        return (to.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), languages);
    }

    private static string Text(List<string> lines, string? link, string? answerHere, string footer)
    {
        var text = new StringBuilder();
        foreach (var line in lines) text.AppendLine(line).AppendLine();
        if (link is not null) text.AppendLine(answerHere).AppendLine(link).AppendLine();
        text.AppendLine("--").AppendLine(footer);
        return text.ToString();
    }

    /// <summary>Each language's text in its own section, marked with its language, the second beneath the first.</summary>
    private static string Html(IReadOnlyList<(Written Written, string Language)> written, string? link)
    {
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{written.First().Language}\"><body>");
        foreach (var ((_, lines, answerHere, footer), language) in written)
        {
            html.Append($"<section lang=\"{language}\">");
            foreach (var line in lines) html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
            if (link is not null)
            {
                var encoded = WebUtility.HtmlEncode(link);
                html.Append("<p>").Append(WebUtility.HtmlEncode(answerHere)).Append($"<br><a href=\"{encoded}\">{encoded}</a></p>");
            }
            html.Append("<p><small>").Append(WebUtility.HtmlEncode(footer)).Append("</small></p></section>");
        }
        return html.Append("</body></html>").ToString();
    }
}
