using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Groups.Notices;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.IntegrationTests.Groups;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>
/// E-mail a killed run had claimed (a weekly digest, a meeting invitation, an answer notice) goes out at the next start, once, as the
/// process reminders do (SweepKillTests), instead of waiting until the claim counts as stale, or, for a digest, forever.
/// </summary>
[Collection("Reminders")]
public sealed class LeftoverMailTests : IDisposable
{
    private const string Coordinator = "coordinator@kz.example.org";
    private readonly string _data = Directory.CreateTempSubdirectory("wg-leftover-mail-").FullName;

    [Fact]
    public async Task A_digest_a_group_notice_and_an_answer_notice_left_sending_by_a_killed_run_go_out_once_at_the_next_start()
    {
        // Monday 2 March 2026, without SMTP: the digest and the meeting invitation are recorded and stay due.
        using (var first = new ReminderApp(smtp: null, dataFolder: _data))
        {
            var admin = await first.ClientAs("admin@wg.example.org", "Admin");
            var coordinator = await first.ClientAs(Coordinator, "Coordinator", "KZ");
            Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync("/api/v1/reminders/digest", new { weekly = true })).StatusCode);
            var group = await coordinator.EstablishKazakhstan();
            await coordinator.Schedule(group, "annual", "2026-04-15");
            await first.Services.GetRequiredService<GroupNoticeSweep>().RunAsync(CancellationToken.None);
            await admin.Sweep();
            // A body answers through its link: the coordinators' notice is recorded with the answer.
            var process = await coordinator.InvitationsSent(first.Today, "dles-mes");
            var id = Guid.Parse(Processes.ProcessApi.Id(process));
            Guid version;
            await using (var read = await first.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
                version = (await read.Invitations.SingleAsync(i => i.ProcessId == id && i.BodyId == "dles-mes")).Version;
            var link = first.Services.GetRequiredService<AnswerLinks>().Token(id, "invitations", "dles-mes", version);
            var (status, page) = await first.CreateClient().AnswerThroughLink($"http://localhost/answer/{link}", new() { ["Choice"] = "declined", ["Reason"] = "Нет полномочий" });
            Assert.True(status == HttpStatusCode.OK, page);

            // As a run killed while sending leaves them: claimed a moment ago.
            var contexts = first.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            await using var db = await contexts.CreateDbContextAsync();
            var now = first.Clock.GetUtcNow().UtcDateTime;
            Assert.Equal(1, await db.Digests.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, MailStatus.Sending).SetProperty(d => d.ClaimedAt, now)));
            Assert.Equal(1, await db.Set<GroupNotice>().Where(n => n.Kind == NoticeKind.MeetingInvitation)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, MailStatus.Sending).SetProperty(n => n.ClaimedAt, now)));
            Assert.Equal(1, await db.AnswerNotices.ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, MailStatus.Sending).SetProperty(n => n.ClaimedAt, now)));
        }

        // The same morning, with SMTP: what was claimed is handed out again at once, not ten minutes later.
        await using var smtp = new SmtpSink();
        using var second = new ReminderApp(smtp, dataFolder: _data);
        var again = await second.ClientAs("second.admin@wg.example.org", "Admin");
        await second.Services.GetRequiredService<GroupNoticeSweep>().RunAsync(CancellationToken.None);
        await again.Sweep();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(smtp.Messages.Any(IsDigest) && smtp.Messages.Any(IsInvitation) && smtp.Messages.Any(IsAnswerNotice)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"within 30 s: {string.Join(" | ", smtp.Messages.Select(m => m.Subject))}");
            await Task.Delay(100);
        }
        await again.Sweep(); // a sweep after it hands out nothing more
        await Task.Delay(500);
        Assert.Single(smtp.Messages, IsDigest);
        Assert.Single(smtp.Messages, IsInvitation);
        Assert.Single(smtp.Messages, IsAnswerNotice);
        await using var after = await second.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(MailStatus.Sent, (await after.Digests.SingleAsync()).Status);
    }

    private static bool IsDigest(MimeKit.MimeMessage m) => m.Subject?.StartsWith("Weekly digest", StringComparison.Ordinal) == true;

    private static bool IsAnswerNotice(MimeKit.MimeMessage m) => m.MessageId?.Contains(".dles-mes.answer@", StringComparison.Ordinal) == true;

    private static bool IsInvitation(MimeKit.MimeMessage m) => m.MessageId?.Contains(".meetinginvitation.", StringComparison.Ordinal) == true;

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { /* a log file may still be closing */ }
    }
}
