using System.Globalization;
using MimeKit;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Infrastructure.Definitions;

namespace WorkingGroups.Infrastructure.Groups.Notices;

/// <summary>What a notice is about, loaded for its e-mail: the group and, by kind, its meeting or its item.</summary>
public sealed record NoticeFacts(Group Group, Meeting? Meeting, WorkItem? Item, int? PlanYear, DateOnly Today);

/// <summary>
/// Writes a group notice in Russian (the working language) and English, like the digest; meeting notices carry the
/// meeting as an .ics attachment. Recipients are decided by <see cref="NoticeRecipients"/>.
/// </summary>
public static class GroupNoticeMail
{
    public static MimeMessage Compose(GroupNotice notice, NoticeFacts facts, NoticeRecipients.Addresses to, string from, ICountryNames countries)
    {
        var (subjectRu, subjectEn, lines) = Text(notice, facts);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var address in to.To) message.To.Add(MailboxAddress.Parse(address));
        foreach (var address in to.Cc) message.Cc.Add(MailboxAddress.Parse(address));
        // The sender is the app's own (no-reply) address: answers go to the coordinators in copy, who organise the group.
        foreach (var address in to.Cc) message.ReplyTo.Add(MailboxAddress.Parse(address));
        message.Subject = $"{subjectRu} / {subjectEn} ({countries.InBoth(facts.Group.Country, "ru", "en")})";
        message.MessageId = MessageId(notice, from);
        message.Date = DateTimeOffset.UtcNow;
        var builder = new BodyBuilder { TextBody = string.Join("\n\n", lines) + "\n\n--\nWorkingGroups" };
        if (facts.Meeting is { } meeting)
        {
            var ics = MeetingCalendar.Write(meeting, $"{MeetingName(meeting.Kind, "en")}: {facts.Group.Title}", to.Cc.FirstOrDefault(), from, to.Invitees);
            var attachment = builder.Attachments.Add("meeting.ics", System.Text.Encoding.UTF8.GetBytes(ics), new ContentType("text", "calendar"));
            attachment.ContentType.Parameters.Add("method", "REQUEST");
            attachment.ContentType.Charset = "utf-8";
        }
        message.Body = builder.ToMessageBody();
        return message;
    }

    /// <summary>The same notice always has the same Message-ID, so a resend after a crash is recognisable as one.</summary>
    public static string MessageId(GroupNotice notice, string from)
    {
        return $"{notice.GroupId:N}.{notice.Kind.ToString().ToLowerInvariant()}.{notice.SubjectId:N}.{notice.DueOn:yyyyMMdd}@{Reminders.ReminderMail.DomainOf(from)}";
    }

    private static (string Ru, string En, List<string> Lines) Text(GroupNotice notice, NoticeFacts facts)
    {
        var group = facts.Group.Title;
        string D(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        switch (notice.Kind)
        {
            case NoticeKind.MeetingInvitation or NoticeKind.MeetingReminder:
                var m = facts.Meeting!;
                var where = string.Join(", ", new[] { m.Place, m.OnlineLink }.OfType<string>());
                var when = $"{D(m.Date)} {m.StartsAt:HH\\:mm} ({m.TimeZone})";
                var agenda = string.Join("\n", m.Agenda.Select((a, i) => $"{i + 1}. {a}"));
                return notice.Kind == NoticeKind.MeetingInvitation
                    ? ($"Приглашение: {MeetingName(m.Kind, "ru")}", $"Invitation: {MeetingName(m.Kind, "en")}",
                        [$"Приглашаем на заседание рабочей группы «{group}»: {when}, {where}. Приглашение в календарь во вложении.",
                         $"You are invited to the meeting of the working group \"{group}\": {when}, {where}. The calendar invitation is attached.",
                         agenda])
                    : ($"Напоминание: {MeetingName(m.Kind, "ru")} {D(m.Date)}", $"Reminder: {MeetingName(m.Kind, "en")} on {D(m.Date)}",
                        [$"Напоминаем о заседании рабочей группы «{group}» через {m.Date.DayNumber - facts.Today.DayNumber} дн.: {when}, {where}.",
                         $"A reminder of the meeting of the working group \"{group}\" in {m.Date.DayNumber - facts.Today.DayNumber} days: {when}, {where}.",
                         agenda]);
            case NoticeKind.AnnualMeetingDue:
                return ("Пора провести ежегодное заседание", "The annual meeting is due",
                    [$"С последнего ежегодного заседания рабочей группы «{group}» прошло более 11 месяцев, а следующее не назначено. Назначьте его.",
                     $"More than 11 months have passed since the last annual meeting of the working group \"{group}\" and none is scheduled. Please schedule it."]);
            default:
                var item = facts.Item!;
                var overdue = notice.Kind == NoticeKind.ItemOverdue;
                return (overdue ? $"Срок пункта плана работы истёк: {item.Title}" : $"Приближается срок пункта плана работы: {item.Title}",
                    overdue ? $"Work Plan item past its deadline: {item.Title}" : $"Work Plan item due soon: {item.Title}",
                    [$"План работы {facts.PlanYear} рабочей группы «{group}», пункт {item.Number}: «{item.Title}». Срок: {D(item.Deadline)}."
                     + (overdue ? " Срок истёк; сообщите о выполнении координатору." : " Сообщите о ходе выполнения координатору."),
                     $"Work Plan {facts.PlanYear} of the working group \"{group}\", item {item.Number}: \"{item.Title}\". Deadline: {D(item.Deadline)}."
                     + (overdue ? " The deadline has passed; please report to the coordinator." : " Please report progress to the coordinator.")]);
        }
    }

    /// <summary>The meeting's kind in a sentence, lower case (the group notices and the weekly digest).</summary>
    internal static string MeetingName(MeetingKind kind, string language) => (kind, language) switch
    {
        (MeetingKind.Annual, "ru") => "ежегодное заседание",
        (MeetingKind.Interim, "ru") => "промежуточное заседание",
        (MeetingKind.Annual, _) => "annual meeting",
        _ => "interim meeting",
    };
}
