namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>The sentences of reminder e-mails, in Russian and English (kk and tg bodies get Russian).</summary>
public sealed record ReminderTexts(
    string Reminder, string Escalation, string Overdue,
    string Dear, string DearColleagues, string WaitingFor, string Asked, string InvitationAsk, string StepAsk,
    string SentOn, string ActiveSince, string Benchmark, string EscalationLine, string OverdueLine,
    string AnswerHere, string Contact, string Coordinators, string Footer)
{
    public static string LanguageOf(string bodyLanguage) => bodyLanguage == "en" ? "en" : "ru";

    public static ReminderTexts For(string language) => language == "en" ? English : Russian;

    private static readonly ReminderTexts English = new(
        "Reminder", "Escalation", "Overdue",
        "Dear {0},", "Dear colleagues,", "The working group \"{0}\" is waiting for an answer from {1}.", "What is asked: {0}.",
        "confirm that {0} joins the working group and nominate a representative (name, position, e-mail), or decline with a reason",
        "complete the step and send its documents to the coordinator",
        "The invitation was sent on {0:yyyy-MM-dd}: {1} days ago.", "The step has been open since {0:yyyy-MM-dd}: {1} days.",
        "Its benchmark is {0} days.",
        "{0} has not answered after {1} reminders; this is brought to the attention of the chairs and the coordinator.",
        "The step \"{0}\" is past its benchmark of {1} days ({2} days so far).",
        "Answer here, no account needed (the link works until {0:yyyy-MM-dd}):", "Questions: {0}", "Coordinators: {0}",
        "This message was sent by the WorkingGroups tracker.");

    // A Russian letter greets colleagues, not a role: a definition gives its contact one name, often in English.
    private static readonly ReminderTexts Russian = new(
        "Напоминание", "Эскалация", "Просрочено",
        "Уважаемые коллеги,", "Уважаемые коллеги,", "Рабочая группа «{0}» ожидает ответа от: {1}.", "Что требуется: {0}.",
        "подтвердить участие ({0}) в рабочей группе и назначить представителя (ФИО, должность, e-mail) или отказаться, указав причину",
        "завершить этап и направить его документы координатору",
        "Приглашение направлено {0:dd.MM.yyyy}: {1} дн. назад.", "Этап открыт с {0:dd.MM.yyyy}: {1} дн.",
        "Контрольный срок: {0} дн.",
        "{0} не ответил(а) после {1} напоминаний; вопрос доводится до сведения председателей и координатора.",
        "Этап «{0}» превысил контрольный срок {1} дн. (прошло {2} дн.).",
        "Ответить можно здесь, без учётной записи (ссылка действует до {0:dd.MM.yyyy}):", "Вопросы: {0}", "Координаторы: {0}",
        "Это сообщение отправлено системой WorkingGroups.");
}
