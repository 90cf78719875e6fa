using WorkingGroups.Core.Calendars;
using System.Net;
using System.Text;
using MimeKit;
using WorkingGroups.Core.Attention;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Texts;
using WorkingGroups.Infrastructure.Groups.Notices;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>
/// The weekly digest: per active process, who has not answered and which steps are overdue; then what is due about the
/// groups, as the home page lists it, and a link to that page. In the coordinator's own language, or in
/// English then Russian when they have not chosen one.
/// </summary>
internal static class DigestMail
{
    /// <summary>For a coordinator who has not chosen a language: English, then the working language.</summary>
    public static readonly string[] Both = ["en", "ru"];

    public static MimeMessage Compose(Digest digest, IReadOnlyList<(Process Process, ProcessDefinition Definition)> processes,
        IReadOnlyList<GroupConcern> groups, DateOnly today, string from, string homeUrl, TextCatalog texts, string? language = null,
        Func<Process, ProcessDefinition, (DateOnly Today, DayRuler Ruler)>? timeOf = null, Func<Group, LocalizedText?>? groupName = null)
    {
        string[] languages = language is null ? Both : [texts.For(language)];
        // Each text in every language written, joined as given.
        string Say(Func<string, string> say, string joint, string prefix = "") => prefix + string.Join(joint, languages.Select(say));
        string Text(string key, string joint, params object?[] args) => Say(l => texts.Say(l, key, args), joint);
        string Country(string code) => languages.Length == 1 ? texts.Country(languages[0], code) : texts.CountryInBoth(code, languages[0], languages[1]);

        var lines = new List<string> { Say(l => texts.Say(l, "Mail.Digest.Heading", texts.Date(l, digest.WeekOf)), " "), "" };
        if (processes.Count == 0 && groups.Count == 0) lines.Add(Text("Mail.Digest.Nothing", " "));
        foreach (var (process, definition) in processes)
        {
            // Each process on its country's today, its days in its benchmarks' unit (working days said as such).
            var (on, ruler) = timeOf?.Invoke(process, definition) ?? (today, DayRuler.Calendar);
            var working = ruler.Unit == BenchmarkUnit.WorkingDays ? "Working" : "";
            var (elapsed, benchmark) = (process.ElapsedDays(on, ruler), process.BenchmarkDays);
            lines.Add(Say(l => texts.Say(l, "Mail.Digest.Day" + working, elapsed, benchmark), " / ", $"{process.Title} ({Country(process.Country)}): "));
            foreach (var step in process.Steps.Where(s => s.Status == StepStatus.Active))
            {
                var title = definition.FindStep(step.StepId)!.Title;
                foreach (var invitation in step.Invitations.Where(i => i.Status == InvitationStatus.Pending))
                {
                    var body = definition.FindBody(invitation.BodyId)!.Name;
                    var days = on.DayNumber - invitation.SentOn.DayNumber;
                    lines.Add(Say(l => texts.Count(l, "Mail.Digest.Waiting", days, body.Get(l), title.Get(l)), "\n    ", "  - "));
                }
                if (step.State(on, ruler) == BenchmarkState.Overdue)
                    lines.Add(Say(l => texts.Say(l, "Mail.Digest.Overdue" + working, title.Get(l), step.ElapsedDays(on, ruler), step.BenchmarkDays), "\n    ", "  - "));
            }
            lines.Add("");
        }
        if (groups.Count > 0)
        {
            lines.Add(Text("Mail.Digest.Groups", " / "));
            foreach (var concerns in groups.GroupBy(c => c.Group.Id))
            {
                var group = concerns.First().Group;
                // The group by its founding act's name in each language written, not by the process that founded it.
                var name = groupName?.Invoke(group);
                lines.Add($"{Say(l => name?.Get(l) ?? group.Title, " / ")} ({Country(group.Country)}):");
                foreach (var concern in concerns)
                    lines.Add(Say(l => GroupLine(concern, today, texts, l), "\n    ", "  - "));
            }
            lines.Add("");
        }
        lines.Add(Text("Mail.Digest.Everything", "\n", homeUrl));

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(digest.Email));
        // Dates as each language writes them, as on the pages; a subject in two languages keeps the ISO date.
        message.Subject = languages.Length == 1
            ? $"{texts.Get(languages[0], "Mail.Digest.Title")} {texts.Date(languages[0], digest.WeekOf)}"
            : $"{string.Join(" / ", languages.Select(l => texts.Get(l, "Mail.Digest.Title")))} {digest.WeekOf:yyyy-MM-dd}";
        var domain = from[(from.LastIndexOf('@') + 1)..].TrimEnd('>');
        message.MessageId = $"digest.{Convert.ToHexStringLower(Encoding.UTF8.GetBytes(digest.Email))}.{digest.WeekOf:yyyyMMdd}@{domain}";
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new BodyBuilder
        {
            TextBody = string.Join("\n", lines),
            HtmlBody = "<!DOCTYPE html><html><body><pre>" + WebUtility.HtmlEncode(string.Join("\n", lines)) + "</pre></body></html>",
        }.ToMessageBody();
        if (language is not null) message.Body.Headers.Add(HeaderId.ContentLanguage, languages[0]);
        return message;
    }

    private static string StartsAt(Meeting meeting) => meeting.StartsAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One thing due about a group, in the language, with its own way of writing dates.</summary>
    private static string GroupLine(GroupConcern concern, DateOnly today, TextCatalog texts, string language)
    {
        string Say(string key, params object?[] args) => texts.Say(language, key, args);
        var date = texts.Date(language, concern.Date);
        string Meeting() => GroupNoticeMail.MeetingName(concern.Meeting!.Kind, texts, language);
        var item = concern.Item is { } i ? Say("Mail.Digest.Item", concern.Plan!.Year, i.Number, i.Title) : "";
        return concern.Kind switch
        {
            GroupConcernKind.AnnualMeetingDue => Say("Mail.Digest.AnnualMeetingDue", date),
            GroupConcernKind.MeetingAhead => Say("Mail.Digest.MeetingAhead", Meeting(), date, StartsAt(concern.Meeting!)),
            GroupConcernKind.MinutesPending => Say("Mail.Digest.MinutesPending", Meeting(), date),
            GroupConcernKind.ItemOverdue => Say("Mail.Digest.ItemOverdue", item, date),
            _ => (concern.Date.DayNumber - today.DayNumber) switch
            {
                0 => Say("Mail.Digest.ItemToday", item, date),
                1 => Say("Mail.Digest.ItemTomorrow", item, date),
                var days => texts.Count(language, "Mail.Digest.ItemSoon", days, item, date),
            },
        };
    }
}
