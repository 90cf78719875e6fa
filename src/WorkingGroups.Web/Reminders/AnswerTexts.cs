namespace WorkingGroups.Web.Reminders;

/// <summary>
/// The answer page's own words in Russian and English. Dates, statuses and the rules' refusals come from the app's texts
/// (the page sets its culture to the body's language), so they read as on the coordinator's pages.
/// </summary>
public sealed record AnswerTexts(
    string Title, string Intro, string SentOn, string Accept, string Decline, string NomineeName, string NomineePosition,
    string NomineeEmail, string Reason, string Submit, string Thanks, string Forged, string Expired, string Answered,
    string Replaced, string NotInvited, string Closed, string Questions, string Other)
{
    public static AnswerTexts For(string language) => language == "en" ? English : Russian;

    private static readonly AnswerTexts English = new(
        "Invitation to join the working group",
        "{0} is invited to join the working group \"{1}\" ({2}).",
        "Invitation sent on {0}.",
        "We accept and nominate a representative", "We decline",
        "Representative's full name", "Position", "E-mail", "Reason (when declining)", "Send the answer",
        "Thank you: your answer is recorded, and the coordinator can see it now.",
        "This link is not valid. Please use the link from the e-mail exactly as it was sent, or contact the coordinator.",
        "This link has expired. Please contact the coordinator for a new one.",
        "This invitation was already answered ({0} on {1}). The link cannot be used again.",
        "This link has been replaced by a newer one. Please use the latest e-mail, or contact the coordinator.",
        "This link does not belong to any invitation of this process.",
        "This invitation is closed: the step or the process no longer waits for answers.",
        "Questions: {0}",
        "Русская версия");

    private static readonly AnswerTexts Russian = new(
        "Приглашение в рабочую группу",
        "{0} приглашается в состав рабочей группы «{1}» ({2}).",
        "Приглашение направлено {0}.",
        "Принимаем и назначаем представителя", "Отказываемся",
        "ФИО представителя", "Должность", "E-mail", "Причина (при отказе)", "Отправить ответ",
        "Спасибо: ваш ответ записан и уже виден координатору.",
        "Ссылка недействительна. Используйте ссылку из письма без изменений или свяжитесь с координатором.",
        "Срок действия ссылки истёк. Свяжитесь с координатором, чтобы получить новую.",
        "На это приглашение уже ответили ({0}, {1}). Ссылку нельзя использовать повторно.",
        "Эта ссылка заменена более новой. Используйте последнее письмо или свяжитесь с координатором.",
        "Эта ссылка не относится ни к одному приглашению этого процесса.",
        "Приглашение закрыто: этап или процесс больше не ожидает ответов.",
        "Вопросы: {0}",
        "English version");
}
