using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using WorkingGroups.Infrastructure.Groups.Notices;
using WorkingGroups.IntegrationTests.Processes;
using WorkingGroups.IntegrationTests.Reminders;
using static WorkingGroups.IntegrationTests.Groups.GroupYearApi;

namespace WorkingGroups.IntegrationTests.Groups;

/// <summary>
/// E-mail about a group over (fake) weeks, through the real SMTP test server: meeting invitations with an .ics that a
/// calendar library reads back, reminders before the meeting, Work Plan deadlines, and the overdue annual meeting.
/// </summary>
[Collection("Reminders")]
public sealed class GroupNoticeTests
{
    private const string Coordinator = "coordinator@kz.example.org";

    private static Task Sweep(ReminderApp app) => app.Services.GetRequiredService<GroupNoticeSweep>().RunAsync(CancellationToken.None);

    private static MimeMessage Single(SmtpSink smtp, string subjectStart) =>
        Assert.Single(GroupMail(smtp), m => m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true);

    /// <summary>
    /// The e-mail about groups (its Message-ID names the kind of notice). The establishment walked in each test answers its
    /// invitations months after they were sent, so a process reminder may also go out meanwhile: not counted here.
    /// </summary>
    private static List<MimeMessage> GroupMail(SmtpSink smtp) =>
        smtp.Messages.Where(m => new[] { ".meetinginvitation.", ".meetingreminder.", ".annualmeetingdue.", ".itemduesoon.", ".itemoverdue." }
            .Any(kind => m.MessageId?.Contains(kind, StringComparison.Ordinal) == true)).ToList();

    private static async Task WaitForGroupMail(SmtpSink smtp, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (GroupMail(smtp).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {count} group e-mails within 30 s, got {GroupMail(smtp).Count}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_scheduled_meeting_invites_the_representatives_with_an_ics_and_reminds_them_a_week_before()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp); // Monday 2 March 2026
        var client = await app.ClientAs(Coordinator, "Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        await client.Schedule(group, "annual", "2026-04-15", "https://meet.example.org/wg-2026");

        await Sweep(app);
        await WaitForGroupMail(smtp, 1);
        var invitation = Single(smtp, "Приглашение: ежегодное заседание / Invitation: annual meeting");
        Assert.EndsWith("(Казахстан / Kazakhstan)", invitation.Subject); // the country by name in both languages
        Assert.Equal(7, invitation.To.Count); // every member's representative (the lead body has none yet)
        Assert.Contains(invitation.To.Mailboxes, m => m.Address == "iwac.rep@example.org");
        Assert.Equal([Coordinator], invitation.Cc.Mailboxes.Select(m => m.Address));
        Assert.Contains("15.04.2026 10:00 (Asia/Almaty)", invitation.TextBody);
        // The group by the name its order gives it, in each language, not by the title of the process that founded it.
        Assert.Contains("Межведомственная рабочая группа по безопасности хвостохранилищ и предотвращению аварийного загрязнения вод приглашает", invitation.TextBody);
        Assert.Contains("The Interinstitutional Working Group on Tailings Safety and Prevention of Accidental Water Pollution invites you", invitation.TextBody);
        Assert.DoesNotContain("establishment", invitation.TextBody, StringComparison.OrdinalIgnoreCase);

        var ics = invitation.Attachments.OfType<MimePart>().Single(a => a.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal("REQUEST", ics.ContentType.Parameters["method"]);
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        var meeting = Assert.Single(calendar.Events)!;
        Assert.Equal("Asia/Almaty", meeting.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 4, 15, 5, 0, 0, DateTimeKind.Utc), meeting.DtStart.AsUtc); // 10:00 in Almaty is 05:00 UTC
        Assert.Equal(new DateTime(2026, 4, 15, 8, 0, 0, DateTimeKind.Utc), meeting.DtEnd!.AsUtc);
        Assert.Contains(calendar.TimeZones!, z => z.TzId == "Asia/Almaty");
        Assert.Equal(7, meeting.Attendees.Count);
        var iwac = meeting.Attendees.Single(a => a.Value!.ToString() == "mailto:iwac.rep@example.org");
        Assert.Equal("Representative of iwac", iwac.CommonName);
        // Answers go to the coordinators who called the meeting, not to the app's no-reply sender.
        Assert.Equal($"mailto:{Coordinator}", meeting.Organizer!.Value!.ToString());
        Assert.Equal([Coordinator], invitation.ReplyTo.Mailboxes.Select(m => m.Address));
        Assert.Contains("Review of the Work Plan", meeting.Description);
        Assert.Equal("https://meet.example.org/wg-2026", meeting.Url!.ToString());

        // Nothing more until a week before; then one reminder with the same calendar entry; never twice.
        app.MoveTo(new DateOnly(2026, 4, 7));
        await Sweep(app);
        app.MoveTo(new DateOnly(2026, 4, 8));
        await Sweep(app);
        await WaitForGroupMail(smtp, 2);
        var reminder = Single(smtp, "Напоминание: ежегодное заседание 15.04.2026");
        Assert.Contains("через 7 дн.", reminder.TextBody);
        Assert.Contains(reminder.Attachments, a => a.ContentType.IsMimeType("text", "calendar"));
        await Sweep(app);
        await Task.Delay(1500);
        Assert.Equal(2, GroupMail(smtp).Count);

        // The coordinator sees what went out, to whom, with which Message-ID.
        var notices = await (await client.GetAsync(Url(group, "notices"))).Json(HttpStatusCode.OK);
        Assert.Equal(["meeting-reminder", "meeting-invitation"], notices.EnumerateArray().Select(n => n.GetProperty("kind").GetString()));
        Assert.All(notices.EnumerateArray(), n => Assert.Equal("sent", n.Status()));
        Assert.Contains("iwac.rep@example.org", notices[1].GetProperty("recipients").GetString());
        Assert.Equal(invitation.MessageId, notices[1].GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Work_plan_items_are_recalled_to_their_responsible_body_before_and_after_the_deadline_until_done()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        var client = await app.ClientAs(Coordinator, "Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        var plan = await client.CreatePlan(group, 2026);
        await client.AddItem(group, plan, "Apply the TMF checklist at two sites", "cwr-menr", "2026-03-10");
        plan = await client.AddItem(group, plan, "Early warning exercise", "dles-mes", "2026-10-31");

        await Sweep(app); // 2 March: the checklist is due within two weeks, the exercise is not
        await WaitForGroupMail(smtp, 1);
        var soon = Single(smtp, "Приближается срок пункта плана работы: Apply the TMF checklist");
        Assert.Equal(["cwr-menr.rep@example.org"], soon.Recipients());
        Assert.Equal([Coordinator], soon.Cc.Mailboxes.Select(m => m.Address));
        Assert.Contains("Work Plan 2026", soon.TextBody);
        Assert.Contains("Deadline: 10.03.2026", soon.TextBody);

        app.MoveTo(new DateOnly(2026, 3, 11));
        await Sweep(app);
        await WaitForGroupMail(smtp, 2);
        Assert.Equal(["cwr-menr.rep@example.org"], Single(smtp, "Срок пункта плана работы истёк: Apply the TMF checklist").Recipients());

        // Done in time for October: the exercise's reminder is never sent.
        await (await client.PatchAsJsonAsync(Url(group, $"workplans/{ProcessApi.Id(plan)}/items/{ProcessApi.Id(plan.ItemTitled("Early warning exercise"))}"),
            new { status = "done", doneOn = "2026-03-11" })).Json(HttpStatusCode.OK);
        app.MoveTo(new DateOnly(2026, 10, 20));
        await Sweep(app);
        await Task.Delay(1500);
        Assert.Equal(2, GroupMail(smtp).Count);
    }

    [Fact]
    public async Task Eleven_months_without_an_annual_meeting_remind_the_coordinator_and_the_chairs()
    {
        await using var smtp = new SmtpSink();
        using var app = new ReminderApp(smtp);
        var client = await app.ClientAs(Coordinator, "Coordinator", "KZ");
        await client.EstablishKazakhstan(); // established 29 December 2025

        app.MoveTo(new DateOnly(2026, 11, 29));
        await Sweep(app);
        app.MoveTo(new DateOnly(2026, 11, 30));
        await Sweep(app);
        await WaitForGroupMail(smtp, 1);
        var due = Single(smtp, "Пора провести ежегодное заседание / The annual meeting is due");
        // The coordinator, the ISC (a chair without a representative: its contact) and the MENR committee's representative.
        Assert.Equal(["cerc-menr.rep@example.org", Coordinator, "isc.mes@example.org"], due.Recipients());
        Assert.Contains("none is scheduled", due.TextBody);
        await Task.Delay(1500);
        Assert.Single(GroupMail(smtp));
    }
}
