using System.Net;
using System.Text;
using MimeKit;
using WorkingGroups.Core.Attention;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Groups.Notices;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>
/// The weekly digest: per active process, who has not answered and which steps are overdue; then what is due about the
/// groups, as the home page lists it, and a link to that page. In the coordinator's own language ("en" or "ru"), or in
/// English then Russian when they have not chosen one.
/// </summary>
public static class DigestMail
{
    public static MimeMessage Compose(Digest digest, IReadOnlyList<(Process Process, ProcessDefinition Definition)> processes,
        IReadOnlyList<GroupConcern> groups, DateOnly today, string from, string homeUrl, ICountryNames countries, string? language = null)
    {
        // Each text in both languages; with none chosen both are written, joined as given.
        string Say(string en, string ru, string joint, string prefix = "") =>
            prefix + (language switch { "en" => en, "ru" => ru, _ => en + joint + ru });
        string Country(string code) => language is null ? countries.InBoth(code, "en", "ru") : countries.Of(code, language);

        var lines = new List<string> { Say($"Weekly digest, {digest.WeekOf:yyyy-MM-dd}.", $"Еженедельная сводка, {digest.WeekOf:dd.MM.yyyy}.", " "), "" };
        if (processes.Count == 0 && groups.Count == 0) lines.Add(Say("Nothing is pending.", "Ничего не ожидается.", " "));
        foreach (var (process, definition) in processes)
        {
            var (elapsed, benchmark) = (process.ElapsedDays(today), process.BenchmarkDays);
            lines.Add(Say($"day {elapsed} of {benchmark}", $"день {elapsed} из {benchmark}", " / ", $"{process.Title} ({Country(process.Country)}): "));
            foreach (var step in process.Steps.Where(s => s.Status == StepStatus.Active))
            {
                var title = definition.FindStep(step.StepId)!.Title;
                foreach (var invitation in step.Invitations.Where(i => i.Status == InvitationStatus.Pending))
                {
                    var body = definition.FindBody(invitation.BodyId)!.Name;
                    var days = today.DayNumber - invitation.SentOn.DayNumber;
                    lines.Add(Say($"waiting for {body.Get("en")}: {title.Get("en")}, {days} days since the invitation",
                        $"ожидается ответ: {body.Get("ru")}: {title.Get("ru")}, {days} дн. с приглашения", "\n    ", "  - "));
                }
                if (step.State(today) == BenchmarkState.Overdue)
                {
                    lines.Add(Say($"overdue: {title.Get("en")}, {step.ElapsedDays(today)} of {step.BenchmarkDays} days",
                        $"просрочено: {title.Get("ru")}, {step.ElapsedDays(today)} из {step.BenchmarkDays} дн.", "\n    ", "  - "));
                }
            }
            lines.Add("");
        }
        if (groups.Count > 0)
        {
            lines.Add(Say("Working groups:", "Рабочие группы:", " / "));
            foreach (var concerns in groups.GroupBy(c => c.Group.Id))
            {
                var group = concerns.First().Group;
                lines.Add($"{group.Title} ({Country(group.Country)}):");
                foreach (var concern in concerns)
                {
                    var (en, ru) = GroupLine(concern, today);
                    lines.Add(Say(en, ru, "\n    ", "  - "));
                }
            }
            lines.Add("");
        }
        lines.Add(Say($"Everything that needs attention: {homeUrl}", $"Всё, что требует внимания: {homeUrl}", "\n"));

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(digest.Email));
        // Dates as each language writes them, as on the pages; a subject in both languages keeps the ISO date.
        message.Subject = language switch
        {
            "en" => $"Weekly digest {digest.WeekOf:yyyy-MM-dd}",
            "ru" => $"Еженедельная сводка {digest.WeekOf:dd.MM.yyyy}",
            _ => $"Weekly digest / Еженедельная сводка {digest.WeekOf:yyyy-MM-dd}",
        };
        var domain = from[(from.LastIndexOf('@') + 1)..].TrimEnd('>');
        message.MessageId = $"digest.{Convert.ToHexStringLower(Encoding.UTF8.GetBytes(digest.Email))}.{digest.WeekOf:yyyyMMdd}@{domain}";
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new BodyBuilder
        {
            TextBody = string.Join("\n", lines),
            HtmlBody = "<!DOCTYPE html><html><body><pre>" + WebUtility.HtmlEncode(string.Join("\n", lines)) + "</pre></body></html>",
        }.ToMessageBody();
        if (language is not null) message.Body.Headers.Add(HeaderId.ContentLanguage, language);
        return message;
    }

    private static string StartsAt(Meeting meeting) => meeting.StartsAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One thing due about a group, in English and in Russian, each with its own way of writing dates.</summary>
    private static (string En, string Ru) GroupLine(GroupConcern concern, DateOnly today)
    {
        var (en, ru) = (concern.Date.ToString("yyyy-MM-dd"), concern.Date.ToString("dd.MM.yyyy"));
        string Meeting(string language) => GroupNoticeMail.MeetingName(concern.Meeting!.Kind, language);
        var item = concern.Item is { } i ? (En: $"Work Plan {concern.Plan!.Year}, item {i.Number}: {i.Title}", Ru: $"план работы на {concern.Plan!.Year} год, пункт {i.Number}: {i.Title}") : default;
        return concern.Kind switch
        {
            GroupConcernKind.AnnualMeetingDue => ($"the annual meeting is due: 11 months passed on {en}, and none is scheduled",
                $"пора провести ежегодное заседание: 11 месяцев истекли {ru}, заседание не назначено"),
            GroupConcernKind.MeetingAhead => ($"{Meeting("en")} on {en} at {StartsAt(concern.Meeting!)}", $"{Meeting("ru")} {ru} в {StartsAt(concern.Meeting!)}"),
            GroupConcernKind.MinutesPending => ($"the minutes of the {Meeting("en")} of {en} are not approved yet", $"не утверждён протокол: {Meeting("ru")} {ru}"),
            GroupConcernKind.ItemOverdue => ($"{item.En}: the deadline, {en}, has passed", $"{item.Ru}: срок ({ru}) истёк"),
            _ => (concern.Date.DayNumber - today.DayNumber) switch
            {
                0 => ($"{item.En}: deadline today, {en}", $"{item.Ru}: срок сегодня, {ru}"),
                1 => ($"{item.En}: deadline tomorrow, {en}", $"{item.Ru}: срок завтра, {ru}"),
                var days => ($"{item.En}: deadline {en}, in {days} days", $"{item.Ru}: срок {ru}, через {days} дн."),
            },
        };
    }
}
