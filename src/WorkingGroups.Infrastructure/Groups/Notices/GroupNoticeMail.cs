using MimeKit;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Infrastructure.Groups.Notices;

/// <summary>What a notice is about, loaded for its e-mail: the group and, by kind, its meeting or its item.</summary>
internal sealed record NoticeFacts(Group Group, Meeting? Meeting, WorkItem? Item, int? PlanYear, DateOnly Today);

/// <summary>
/// Writes a group notice in the lead body's languages (a Kazakh lead body's Kazakh first), then Russian (the working
/// language) and English, like the digest; meeting notices carry the meeting as an .ics attachment, titled in the first
/// language. Recipients are decided by <see cref="NoticeRecipients"/>.
/// </summary>
internal static class GroupNoticeMail
{
    /// <summary>The languages of a notice, in order; its dates are written as the first one writes them, in every text.</summary>
    public static IReadOnlyList<string> LanguagesOf(ProcessDefinition? definition, TextCatalog texts) =>
        (definition?.FindBody(definition.LeadBodyId)?.Languages ?? []).Concat(["ru", "en"]).Select(texts.For).Distinct().ToList();

    public static MimeMessage Compose(GroupNotice notice, NoticeFacts facts, ProcessDefinition? definition, NoticeRecipients.Addresses to, string from, TextCatalog texts)
    {
        var languages = LanguagesOf(definition, texts);
        string GroupName(string language) => definition?.GroupName.Get(language) ?? facts.Group.Title;
        var texts2 = languages.Select(l => Text(notice, facts, texts, l, languages[0], GroupName(l))).ToList();
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var address in to.To) message.To.Add(MailboxAddress.Parse(address));
        foreach (var address in to.Cc) message.Cc.Add(MailboxAddress.Parse(address));
        // The sender is the app's own (no-reply) address: answers go to the coordinators in copy, who organise the group.
        foreach (var address in to.Cc) message.ReplyTo.Add(MailboxAddress.Parse(address));
        message.Subject = $"{string.Join(" / ", texts2.Select(t => t.Subject))} ({texts.CountryInBoth(facts.Group.Country, languages[0], languages[1])})";
        message.MessageId = MessageId(notice, from);
        message.Date = DateTimeOffset.UtcNow;
        // Sentence by sentence, each language's beneath the other's; the agenda once, after them.
        var lines = Enumerable.Range(0, texts2.Max(t => t.Lines.Count)).SelectMany(i => texts2.Select(t => t.Lines.ElementAtOrDefault(i)).OfType<string>()).ToList();
        if (facts.Meeting is { Agenda.Count: > 0 } withAgenda) lines.Add(string.Join("\n", withAgenda.Agenda.Select((a, i) => $"{i + 1}. {a}")));
        var builder = new BodyBuilder { TextBody = string.Join("\n\n", lines) + "\n\n--\nWorkingGroups" };
        if (facts.Meeting is { } meeting)
        {
            var title = texts.Say(languages[0], "Calendar.Summary", MeetingName(meeting.Kind, texts, languages[0]), GroupName(languages[0]));
            var ics = MeetingCalendar.Write(meeting, title, to.Cc.FirstOrDefault(), from, to.Invitees);
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

    private static (string Subject, List<string> Lines) Text(GroupNotice notice, NoticeFacts facts, TextCatalog texts, string language, string dateLanguage, string group)
    {
        string Say(string key, params object?[] args) => texts.Say(language, key, args);
        string D(DateOnly d) => texts.Date(dateLanguage, d);
        switch (notice.Kind)
        {
            case NoticeKind.MeetingInvitation or NoticeKind.MeetingReminder:
                var m = facts.Meeting!;
                var name = MeetingName(m.Kind, texts, language);
                var where = string.Join(", ", new[] { m.Place, m.OnlineLink }.OfType<string>());
                var when = $"{D(m.Date)} {m.StartsAt:HH\\:mm} ({m.TimeZone})";
                return notice.Kind == NoticeKind.MeetingInvitation
                    ? (Say("Mail.Notice.Invitation.Subject", name), [Say("Mail.Notice.Invitation.Text", group, when, where)])
                    : (Say("Mail.Notice.MeetingReminder.Subject", name, D(m.Date)),
                        [texts.Count(language, "Mail.Notice.MeetingReminder.Text", m.Date.DayNumber - facts.Today.DayNumber, group, when, where)]);
            case NoticeKind.AnnualMeetingDue:
                return (Say("Mail.Notice.AnnualMeetingDue.Subject"), [Say("Mail.Notice.AnnualMeetingDue.Text", group)]);
            default:
                var item = facts.Item!;
                var kind = notice.Kind == NoticeKind.ItemOverdue ? "ItemOverdue" : "ItemDueSoon";
                return (Say($"Mail.Notice.{kind}.Subject", item.Title),
                    [Say("Mail.Notice.Item.Text", facts.PlanYear, group, item.Number, item.Title, D(item.Deadline)) + " " + Say($"Mail.Notice.{kind}.Ask")]);
        }
    }

    /// <summary>The meeting's kind in a sentence, lower case (the group notices and the weekly digest).</summary>
    internal static string MeetingName(MeetingKind kind, TextCatalog texts, string language) => texts.Get(language, $"Mail.Meeting.{kind}");
}
