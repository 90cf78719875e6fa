using System.Net;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Pages;
using WorkingGroups.IntegrationTests.Processes;
using static WorkingGroups.IntegrationTests.Groups.GroupYearApi;

namespace WorkingGroups.IntegrationTests.Groups;

/// <summary>The group pages in English and Russian: composition on a date, renames, meetings and Work Plans, through forms with antiforgery.</summary>
public sealed class GroupPageTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public GroupPageTests(AppFactory factory) => _factory = factory;

    private async Task<(PageSession Page, string Id)> KazakhGroup(string? language = null)
    {
        var api = await _factory.ClientFor("Coordinator", "KZ");
        var id = ProcessApi.Id(await api.EstablishKazakhstan());
        var page = await PageSession.SignedIn(_factory, "Coordinator", "KZ", language);
        await page.Get($"/groups/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (page, id);
    }

    [Fact]
    public async Task A_coordinator_renames_a_body_on_the_page_and_a_past_date_still_shows_the_old_name()
    {
        var (page, id) = await KazakhGroup();
        Assert.Contains("Composition on " + DateTime.UtcNow.ToString("yyyy-MM-dd"), page.Html);
        Assert.Contains("Representative of iwac", page.Html);

        await page.Post($"/groups/{id}?handler=Rename", new()
        {
            ["Input.BodyId"] = "isc-mes", ["Input.Names[en]"] = "Industrial Safety Committee of the Ministry of Industry",
            ["Input.Names[ru]"] = "Комитет промышленной безопасности Министерства промышленности", ["Input.EffectiveOn"] = "2026-03-01",
        });
        await page.Follow();
        Assert.Contains("Industrial Safety Committee of the Ministry of Industry", page.Html);
        Assert.Contains("Named “Industrial Safety Committee of the MES”", page.Html); // the history keeps the old name

        await page.Get($"/groups/{id}?asOf=2026-02-01");
        Assert.Contains("Composition on 2026-02-01", page.Html);
        Assert.Contains("<td>Industrial Safety Committee of the MES</td>", page.Html);
    }

    [Fact]
    public async Task A_kazakh_reader_sees_the_group_by_its_kazakh_name_and_renames_a_body_in_kazakh_too()
    {
        var (page, id) = await KazakhGroup("kk");
        Assert.Contains("<h1>Қалдық қоймаларының қауіпсіздігі және суды апаттық ластаудың алдын алу жөніндегі ведомствоаралық жұмыс тобы</h1>", page.Html);
        Assert.Contains("name=\"Input.Names[tg]\"", page.Html); // a field for every language the app has texts for

        await page.Post($"/groups/{id}?handler=Rename", new()
        {
            ["Input.BodyId"] = "isc-mes", ["Input.Names[en]"] = "Industrial Safety Committee of the Ministry of Industry",
            ["Input.Names[ru]"] = "Комитет промышленной безопасности Министерства промышленности",
            ["Input.Names[kk]"] = "Өнеркәсіп министрлігінің Өнеркәсіптік қауіпсіздік комитеті", ["Input.Names[tg]"] = "",
            ["Input.EffectiveOn"] = "2026-03-01",
        });
        await page.Follow();
        Assert.Contains("Өнеркәсіп министрлігінің Өнеркәсіптік қауіпсіздік комитеті", page.Html);
    }

    [Fact]
    public async Task A_refused_change_is_shown_next_to_its_field_in_russian_keeping_what_was_typed()
    {
        var (page, id) = await KazakhGroup("ru");
        Assert.Contains("Состав на", page.Html);
        Assert.Contains("председатель", page.Html);
        await page.Post($"/groups/{id}?handler=Representative", new()
        {
            ["Input.BodyId"] = "iwac", ["Input.Name"] = "Айгерим Пример", ["Input.EffectiveOn"] = "2025-11-01",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("раньше создания группы (29.12.2025)", page.ErrorAfter("representative", "Input.EffectiveOn"));
        Assert.Contains("value=\"Айгерим Пример\"", page.Html);
    }

    [Fact]
    public async Task Meetings_and_work_plans_are_kept_on_their_pages_with_the_plans_progress()
    {
        var (page, id) = await KazakhGroup();
        await page.Get($"/groups/{id}/meetings");
        await page.Post($"/groups/{id}/meetings?handler=Schedule", new()
        {
            ["Input.Kind"] = "annual", ["Input.Date"] = "2026-02-10", ["Input.StartsAt"] = "10:00", ["Input.Place"] = "Astana, MES",
            ["Input.Agenda"] = "Work Plan 2026\nTMF checklist",
        });
        await page.Follow();
        Assert.Contains("Annual meeting · 2026-02-10 10:00 (Asia/Almaty)", page.Html);
        Assert.Contains("<li>TMF checklist</li>", page.Html);

        await page.Get($"/groups/{id}/workplans");
        await page.Post($"/groups/{id}/workplans?handler=Create", new() { ["Input.Year"] = "2026" });
        await page.Follow();
        Assert.Contains("Work Plan 2026", page.Html);
        var plan = System.Text.RegularExpressions.Regex.Match(page.Html, "data-form=\"item:([0-9a-f-]{36})\"").Groups[1].Value;
        await page.Post($"/groups/{id}/workplans?handler=Item&plan={plan}", new()
        {
            ["Input.Title"] = "Inventory of tailings facilities", ["Input.BodyId"] = "isc-mes", ["Input.Date"] = "2026-03-31",
        });
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        await page.Follow();
        await page.Post($"/groups/{id}/workplans?handler=Item&plan={plan}", new() { ["Input.Title"] = "Late", ["Input.BodyId"] = "iwac", ["Input.Date"] = "2025-03-31" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("before the plan's year 2026", page.ErrorAfter($"item:{plan}", "Input.Date"));

        await page.Get($"/groups/{id}/workplans");
        Assert.Contains("1 items: 0 % done, 0 % in progress, 100 % overdue", page.Html); // its deadline has passed
        Assert.Contains("overdue", page.Html);
    }

    [Fact]
    public async Task An_interim_meeting_recorded_on_the_page_keeps_attendance_observers_decisions_and_each_items_status_that_day()
    {
        var (page, id) = await KazakhGroup();
        var api = await _factory.ClientFor("Coordinator", "KZ");
        var group = await api.Group(id);
        var plan = await api.AddItem(group, await api.CreatePlan(group, 2026), "Inventory of tailings facilities", "isc-mes", "2030-12-31"); // far ahead: never overdue
        var item = ProcessApi.Id(plan.ItemTitled("Inventory of tailings facilities"));
        var meeting = ProcessApi.Id(await api.Schedule(group, "interim", "2026-05-20"));

        await page.Get($"/groups/{id}/meetings");
        await page.Post($"/groups/{id}/meetings?handler=Record&meeting={meeting}", new()
        {
            ["Input.Attendees"] = "isc-mes", ["Input.Observers"] = "UNECE, OSCE", ["Input.Decisions"] = "Hold the annual meeting in August",
            [$"Input.Reviews[{item}]"] = "in-progress",
        });
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        await page.Follow();
        Assert.Contains("Attended: Industrial Safety Committee of the MES; UNECE — observer; OSCE — observer", page.Html);
        Assert.Contains("<li>Hold the annual meeting in August</li>", page.Html);
        Assert.Contains("Work Plan reviewed: Inventory of tailings facilities — in progress", page.Html);

        await page.Get($"/groups/{id}/workplans");
        Assert.Contains("1 items: 0 % done, 100 % in progress, 0 % overdue", page.Html);
    }

    [Fact]
    public async Task An_observer_reads_the_group_without_forms_and_cannot_post()
    {
        var (coordinator, id) = await KazakhGroup();
        var observer = await PageSession.SignedIn(_factory, "Observer");
        await observer.Get("/groups");
        Assert.Contains($"href=\"/groups/{id}\"", observer.Html);
        await observer.Get($"/groups/{id}/meetings");
        Assert.Equal(HttpStatusCode.OK, observer.Status);
        Assert.DoesNotContain("data-form=\"schedule\"", observer.Html);
        await observer.Get($"/groups/{id}");
        Assert.DoesNotContain("data-form=\"rename\"", observer.Html);
        await observer.Post($"/groups/{id}?handler=Rename", new() { ["Input.BodyId"] = "iwac", ["Input.Names[en]"] = "x", ["Input.Names[ru]"] = "x", ["Input.EffectiveOn"] = "2026-01-10" });
        Assert.True(observer.Status is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && (observer.Location?.OriginalString.Contains("denied") ?? true),
            $"{observer.Status} {observer.Location}");

        // A form without the antiforgery token is refused.
        await coordinator.Post($"/groups/{id}?handler=Rename", new() { ["Input.BodyId"] = "iwac", ["Input.Names[en]"] = "x", ["Input.Names[ru]"] = "x", ["Input.EffectiveOn"] = "2026-01-10" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, coordinator.Status);
    }
}
