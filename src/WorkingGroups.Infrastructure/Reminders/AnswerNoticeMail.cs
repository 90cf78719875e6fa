using System.Net;
using MimeKit;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>What an answer notice tells: the answer as recorded, where it stands in its step, and the process page.</summary>
internal sealed record AnswerFacts(Process Process, ProcessStep Step, Invitation Invitation, ProcessDefinition Definition, string ProcessUrl);

/// <summary>
/// Writes an answer notice to the coordinators, in the language they all chose, else in Russian (the working language)
/// and then English, like the group notices: who answered, accepted with whom or declined why, on which date, and how
/// many bodies the step still waits for.
/// </summary>
internal static class AnswerNoticeMail
{
    /// <summary>Where the coordinators have not agreed on one language: the working language first, then English.</summary>
    public static readonly string[] Both = ["ru", "en"];

    /// <param name="language">The language every recipient chose; null writes <see cref="Both"/>.</param>
    public static MimeMessage Compose(AnswerNotice notice, AnswerFacts facts, IReadOnlyList<string> coordinators, string from, TextCatalog texts,
        string? language = null)
    {
        var body = facts.Definition.FindBody(notice.BodyId);
        string[] languages = language is null ? Both : [texts.For(language)];
        string Body(string l) => body?.Name.Get(l) ?? notice.BodyId;
        string Answer(string l) => texts.Get(l, facts.Invitation.Status == InvitationStatus.Accepted ? "Mail.AnswerNotice.Accepted" : "Mail.AnswerNotice.Declined");

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var to in coordinators) message.To.Add(MailboxAddress.Parse(to));
        var country = facts.Process.Country;
        message.Subject = string.Join(" / ", languages.Select(l => texts.Say(l, "Mail.AnswerNotice.Subject", Body(l), Answer(l))))
            + $" ({(languages.Length == 1 ? texts.Country(languages[0], country) : texts.CountryInBoth(country, languages[0], languages[1]))})";
        message.MessageId = $"{notice.ProcessId:N}.{notice.StepId}.{notice.BodyId}.answer@{ReminderMail.DomainOf(from)}";
        message.Date = DateTimeOffset.UtcNow;
        var lines = languages.SelectMany((l, i) => (i == 0 ? [] : new[] { "", "—", "" }).Concat(Lines(facts, texts, l, Body(l), Answer(l))));
        var text = string.Join("\n", [.. lines, "", "--", "WorkingGroups"]);
        message.Body = new BodyBuilder
        {
            TextBody = text,
            HtmlBody = "<!DOCTYPE html><html><body><pre>" + WebUtility.HtmlEncode(text) + "</pre></body></html>",
        }.ToMessageBody();
        if (language is not null) message.Body.Headers.Add(HeaderId.ContentLanguage, languages[0]);
        return message;
    }

    private static IEnumerable<string> Lines(AnswerFacts facts, TextCatalog texts, string language, string bodyName, string answer)
    {
        string Say(string key, params object?[] args) => texts.Say(language, key, args);
        var invitation = facts.Invitation;
        var on = invitation.RespondedOn is { } d ? texts.Date(language, d) : "";
        var step = facts.Definition.FindStep(facts.Step.StepId)?.Title.Get(language) ?? facts.Step.StepId;
        yield return Say("Mail.AnswerNotice.Answered", bodyName, answer, on);
        if (invitation.Nominee is { } nominee) yield return Say("Mail.AnswerNotice.Representative", nominee.Line());
        if (invitation.Reason is { } reason) yield return Say("Mail.AnswerNotice.Reason", reason);
        var waiting = facts.Step.Invitations.Count(i => i.Status == InvitationStatus.Pending);
        yield return Say("Mail.AnswerNotice.Step", facts.Process.Title, step,
            waiting == 0 ? Say("Mail.AnswerNotice.AllAnswered") : Say("Mail.AnswerNotice.Waiting", waiting));
        yield return Say("Mail.AnswerNotice.Process", facts.ProcessUrl);
    }
}
