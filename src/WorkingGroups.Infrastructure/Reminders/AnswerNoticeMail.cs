using System.Globalization;
using System.Net;
using MimeKit;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Definitions;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>What an answer notice tells: the answer as recorded, where it stands in its step, and the process page.</summary>
public sealed record AnswerFacts(Process Process, ProcessStep Step, Invitation Invitation, ProcessDefinition Definition, string ProcessUrl);

/// <summary>
/// Writes an answer notice to the coordinators, in the language they all chose, else in Russian (the working language)
/// and then English, like the group notices: who answered, accepted with whom or declined why, on which date, and how
/// many bodies the step still waits for.
/// </summary>
public static class AnswerNoticeMail
{
    /// <param name="language">"ru" or "en" when every recipient chose it; null writes both.</param>
    public static MimeMessage Compose(AnswerNotice notice, AnswerFacts facts, IReadOnlyList<string> coordinators, string from, ICountryNames countries,
        string? language = null)
    {
        var body = facts.Definition.FindBody(notice.BodyId);
        string Body(string language) => body?.Name.Get(language) ?? notice.BodyId;
        var accepted = facts.Invitation.Status == InvitationStatus.Accepted;
        var (answerRu, answerEn) = accepted ? ("согласие", "accepted") : ("отказ", "declined");

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var to in coordinators) message.To.Add(MailboxAddress.Parse(to));
        var country = facts.Process.Country;
        message.Subject = language switch
        {
            "ru" => $"Ответ получен: {Body("ru")} — {answerRu} ({countries.Of(country, "ru")})",
            "en" => $"Answer received: {Body("en")} — {answerEn} ({countries.Of(country, "en")})",
            _ => $"Ответ получен: {Body("ru")} — {answerRu} / Answer received: {Body("en")} — {answerEn} ({countries.InBoth(country, "ru", "en")})",
        };
        message.MessageId = $"{notice.ProcessId:N}.{notice.StepId}.{notice.BodyId}.answer@{ReminderMail.DomainOf(from)}";
        message.Date = DateTimeOffset.UtcNow;
        IEnumerable<string> lines = language switch
        {
            "ru" => Lines(facts, "ru", Body("ru"), answerRu),
            "en" => Lines(facts, "en", Body("en"), answerEn),
            _ => [.. Lines(facts, "ru", Body("ru"), answerRu), "", "—", "", .. Lines(facts, "en", Body("en"), answerEn)],
        };
        var text = string.Join("\n", [.. lines, "", "--", "WorkingGroups"]);
        message.Body = new BodyBuilder
        {
            TextBody = text,
            HtmlBody = "<!DOCTYPE html><html><body><pre>" + WebUtility.HtmlEncode(text) + "</pre></body></html>",
        }.ToMessageBody();
        if (language is not null) message.Body.Headers.Add(HeaderId.ContentLanguage, language);
        return message;
    }

    private static IEnumerable<string> Lines(AnswerFacts facts, string language, string bodyName, string answer)
    {
        var ru = language == "ru";
        var invitation = facts.Invitation;
        var on = invitation.RespondedOn?.ToString(ru ? "dd.MM.yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        var step = facts.Definition.FindStep(facts.Step.StepId)?.Title.Get(language) ?? facts.Step.StepId;
        yield return ru
            ? $"{bodyName} ответил(а) на приглашение по ссылке из письма: {answer}, {on}."
            : $"{bodyName} answered the invitation through the link in its e-mail: {answer} on {on}.";
        if (invitation.Nominee is { } nominee)
            yield return (ru ? "Представитель: " : "Representative: ") + nominee.Line();
        if (invitation.Reason is { } reason) yield return (ru ? "Причина: " : "Reason: ") + reason;
        var waiting = facts.Step.Invitations.Count(i => i.Status == InvitationStatus.Pending);
        yield return ru
            ? $"{facts.Process.Title}, этап «{step}»: " + (waiting == 0 ? "ответили все, этап завершён." : $"ожидаются ответы ещё {waiting}.")
            : $"{facts.Process.Title}, step \"{step}\": " + (waiting == 0 ? "every body has answered; the step is complete." : $"{waiting} more to answer.");
        yield return (ru ? "Страница процесса: " : "The process: ") + facts.ProcessUrl;
    }
}
