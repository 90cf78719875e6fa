using System.Net;
using System.Text;
using MimeKit;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>The weekly digest, in English then Russian: per active process, who has not answered and which steps are overdue.</summary>
public static class DigestMail
{
    public static MimeMessage Compose(Digest digest, IReadOnlyList<(Process Process, ProcessDefinition Definition)> processes, DateOnly today, string from)
    {
        var lines = new List<string> { $"Weekly digest, {digest.WeekOf:yyyy-MM-dd}. Еженедельная сводка, {digest.WeekOf:yyyy-MM-dd}.", "" };
        if (processes.Count == 0) lines.Add("Nothing is pending. Ничего не ожидается.");
        foreach (var (process, definition) in processes)
        {
            lines.Add($"{process.Title} ({process.Country}): day {process.ElapsedDays(today)} of {process.BenchmarkDays} / день {process.ElapsedDays(today)} из {process.BenchmarkDays}");
            foreach (var step in process.Steps.Where(s => s.Status == StepStatus.Active))
            {
                var title = definition.FindStep(step.StepId)!.Title;
                foreach (var invitation in step.Invitations.Where(i => i.Status == InvitationStatus.Pending))
                {
                    var body = definition.FindBody(invitation.BodyId)!.Name;
                    var days = today.DayNumber - invitation.SentOn.DayNumber;
                    lines.Add($"  - waiting for {body.Get("en")}: {title.Get("en")}, {days} days since the invitation");
                    lines.Add($"    ожидается ответ: {body.Get("ru")}: {title.Get("ru")}, {days} дн. с приглашения");
                }
                if (step.State(today) == BenchmarkState.Overdue)
                {
                    lines.Add($"  - overdue: {title.Get("en")}, {step.ElapsedDays(today)} of {step.BenchmarkDays} days");
                    lines.Add($"    просрочено: {title.Get("ru")}, {step.ElapsedDays(today)} из {step.BenchmarkDays} дн.");
                }
            }
            lines.Add("");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(digest.Email));
        message.Subject = $"Weekly digest / Еженедельная сводка {digest.WeekOf:yyyy-MM-dd}";
        var domain = from[(from.LastIndexOf('@') + 1)..].TrimEnd('>');
        message.MessageId = $"digest.{Convert.ToHexStringLower(Encoding.UTF8.GetBytes(digest.Email))}.{digest.WeekOf:yyyyMMdd}@{domain}";
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new BodyBuilder
        {
            TextBody = string.Join("\n", lines),
            HtmlBody = "<!DOCTYPE html><html><body><pre>" + WebUtility.HtmlEncode(string.Join("\n", lines)) + "</pre></body></html>",
        }.ToMessageBody();
        return message;
    }
}
