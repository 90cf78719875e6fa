using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using WorkingGroups.IntegrationTests.Groups;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Pages;

/// <summary>
/// The home page opens on what needs a coordinator's attention today: steps running late, bodies that have not answered
/// (with the reminders they have had), and what is due about the groups. A coordinator sees their own country.
/// </summary>
public sealed partial class AttentionPageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_coordinator_sees_what_is_late_in_their_country_and_what_is_due_about_its_group()
    {
        var kz = await factory.ClientFor("Coordinator", "KZ");
        var admin = await factory.ClientFor("Admin");

        // A process whose first step (14 days) has run for 60, and one waiting for the agencies' answers.
        var late = await kz.Start("kz-establishment", Day(-60), "Late order");
        var waiting = await kz.Start("kz-establishment", Day(-90), "Waiting for agencies");
        waiting = await kz.Complete(waiting, "start-procedure", Day(-85));
        waiting = await kz.Complete(waiting, "draft-order", Day(-70));
        waiting = await kz.Complete(waiting, "letter-to-minister", Day(-26));
        waiting = await kz.Accept(waiting, "invitations", "iwac", Day(-5));
        (await kz.PostAsJsonAsync($"/api/v1/processes/{ProcessApi.Id(waiting)}/reminders/recorded",
            new { stepId = "invitations", bodyId = "wic", sentOn = Day(-3), channel = "letter", letterNumber = "17-04/552" })).EnsureSuccessStatusCode();
        // Another country's late process is not this coordinator's business.
        await admin.Start("tj-establishment", Day(-200), "Tajik group");

        // A group established over a year ago, without an annual meeting since; its Work Plan has one item overdue,
        // one due today, one in five days and one in two months.
        var group = await kz.EstablishKazakhstan(Day(-520));
        var plan = await kz.CreatePlan(group, Today.AddDays(-10).Year);
        await kz.AddItem(group, plan, "Inventory of tailings facilities", "dles-mes", Day(-10));
        await kz.AddItem(group, plan, "Checklist training", "cerc-menr", Day(5));
        await kz.AddItem(group, plan, "Hazard index report", "cerc-menr", Day(0));
        await kz.AddItem(group, plan, "Joint inspection", "cerc-menr", Day(60));

        var page = await PageSession.SignedIn(factory, "Coordinator", "KZ", "en");
        await page.Get("/");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1>What needs attention</h1>", page.Html);
        Assert.DoesNotContain("name=\"country\"", page.Html); // a coordinator's country is theirs, no choice offered

        var steps = Section(page.Html, "late-steps");
        Assert.Contains("Late order", Row(steps, "data-step=\"start-procedure\""));
        Assert.Contains("60 of 14 days · overdue", Row(steps, "data-step=\"start-procedure\""));
        Assert.Contains("26 of 30 days · at risk", Row(steps, "data-step=\"invitations\""));
        Assert.True(steps.IndexOf("start-procedure", StringComparison.Ordinal) < steps.IndexOf("invitations", StringComparison.Ordinal),
            "the furthest behind first");
        Assert.DoesNotContain("Tajik group", page.Html);

        var bodies = Section(page.Html, "silent-bodies");
        Assert.Contains("data-notice=\"no-smtp\"", bodies); // this host has no SMTP server: the bodies get no e-mail from the app
        Assert.Equal(7, Regex.Count(bodies, "data-body=")); // eight invited, one answered
        Assert.DoesNotContain("data-body=\"iwac\"", bodies);
        Assert.Contains($"1, the last on {Day(-3)}", Row(bodies, "data-body=\"wic\""));
        Assert.Contains("none yet", Row(bodies, "data-body=\"dles-mes\""));
        Assert.Contains(">26 d<", Row(bodies, "data-body=\"dles-mes\""));

        var groups = Section(page.Html, "group-concerns");
        Assert.Contains("data-concern=\"AnnualMeetingDue\"", groups);
        Assert.Contains("Inventory of tailings facilities", Row(groups, "data-concern=\"ItemOverdue\""));
        Assert.Contains("Deadline today, " + Day(0) + "; responsible body: ", Row(groups, "data-concern=\"ItemDueSoon\"")); // the nearest first
        Assert.Contains("Deadline " + Day(5) + ", in 5 days; responsible body: ", groups);
        Assert.Contains("The annual meeting is due: 11 months passed on ", Row(groups, "data-concern=\"AnnualMeetingDue\""));
        Assert.DoesNotContain("Joint inspection", groups);

        // The same list as JSON for a script, in the coordinator's country whatever it asks for.
        var json = await (await kz.GetAsync("/api/v1/attention?country=TJ")).Json(HttpStatusCode.OK);
        Assert.Equal("KZ", json.GetProperty("country").GetString());
        var first = json.GetProperty("steps")[0];
        Assert.Equal(("start-procedure", "overdue", 60), (first.GetProperty("stepId").GetString(), first.GetProperty("state").GetString(), first.GetProperty("elapsedDays").GetInt32()));
        var wic = json.GetProperty("bodies").EnumerateArray().Single(b => b.GetProperty("bodyId").GetString() == "wic");
        Assert.Equal((1, Day(-3)), (wic.GetProperty("reminders").GetInt32(), wic.GetProperty("lastReminderOn").GetString()));
        Assert.Equal(["annual-meeting-due", "item-overdue", "item-due-soon", "item-due-soon"],
            json.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("kind").GetString()));

        // Once the annual meeting is scheduled, it is no longer overdue but ahead.
        await kz.Schedule(group, "annual", Day(20));
        await page.Get("/");
        groups = Section(page.Html, "group-concerns");
        Assert.DoesNotContain("AnnualMeetingDue", groups);
        Assert.Contains($"Annual meeting on {Day(20)} at 10:00", Row(groups, "data-concern=\"MeetingAhead\""));
    }

    [Fact]
    public async Task An_observer_sees_every_country_or_the_one_chosen_in_russian_dates()
    {
        var admin = await factory.ClientFor("Admin");
        await admin.Start("tj-establishment", Day(-40), "Таджикская группа");
        await admin.Start("kz-establishment", Day(-40), "Казахская группа");

        var page = await PageSession.SignedIn(factory, "Observer", null, "ru");
        await page.Get("/");
        Assert.Contains("<h1>Что требует внимания</h1>", page.Html);
        Assert.Contains($"Все страны, по состоянию на {Today:dd.MM.yyyy}.", page.Html);
        Assert.Contains("Таджикская группа", page.Html);
        Assert.Contains("Казахская группа", page.Html);

        await page.Get("/?country=tj");
        Assert.Contains($"Таджикистан, по состоянию на {Today:dd.MM.yyyy}.", page.Html);
        Assert.Contains("Таджикская группа", page.Html);
        Assert.DoesNotContain("Казахская группа", page.Html);

        var observer = await factory.ClientFor("Observer");
        var json = await (await observer.GetAsync("/api/v1/attention?country=tj")).Json(HttpStatusCode.OK);
        Assert.Equal("TJ", json.GetProperty("country").GetString());
        Assert.All(json.GetProperty("steps").EnumerateArray(), s => Assert.Equal("TJ", s.GetProperty("country").GetString()));
        Assert.NotEqual(0, json.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task Without_signing_in_the_home_page_tells_what_the_tool_is_and_nothing_of_the_processes()
    {
        var admin = await factory.ClientFor("Admin");
        await admin.Start("kz-establishment", Day(-40), "Not for strangers");

        var page = PageSession.Anonymous(factory, "en");
        await page.Get("/");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("This tool tracks how a government", page.Html);
        Assert.DoesNotContain("What needs attention", page.Html);
        Assert.DoesNotContain("Not for strangers", page.Html);
    }

    /// <summary>The markup of the page's section with this id.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the page has no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    /// <summary>The table row that carries <paramref name="marker"/>.</summary>
    private static string Row(string html, string marker)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no row with {marker}");
        return html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }
}
