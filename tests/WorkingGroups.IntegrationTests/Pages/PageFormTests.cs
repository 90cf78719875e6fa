using System.Net;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Pages;

public sealed class PageFormTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public PageFormTests(AppFactory factory) => _factory = factory;

    private async Task<(PageSession Page, string Id)> KazakhProcess(string? language = null)
    {
        var page = await PageSession.SignedIn(_factory, "Coordinator", "KZ", language);
        await page.Get("/processes/new");
        await page.Post("/processes/new", new() { ["DefinitionId"] = "kz-establishment", ["StartedOn"] = "2025-09-01", ["Title"] = "Kazakhstan WG" });
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var id = page.Location!.OriginalString.Split('/').Last();
        await page.Follow();
        return (page, id);
    }

    [Fact]
    public async Task Completing_a_step_on_the_page_opens_the_next_one()
    {
        var (page, id) = await KazakhProcess();
        Assert.Contains("data-form=\"complete:start-procedure\"", page.Html);
        await page.Post($"/processes/{id}?handler=Complete&step=start-procedure", new()
        {
            ["Input.Date"] = "2025-09-05", ["Input.Note"] = "Order signed", ["Input.EvidenceTitle"] = "Order", ["Input.EvidenceNumber"] = "17-ab",
        });
        await page.Follow();
        Assert.Contains("completed 2025-09-05", page.Html);
        Assert.Contains("Order № 17-ab", page.Html);
        Assert.Contains("data-form=\"complete:draft-order\"", page.Html);
        Assert.DoesNotContain("data-form=\"complete:start-procedure\"", page.Html);
    }

    [Fact]
    public async Task A_future_date_is_shown_next_to_the_field_keeping_what_was_typed()
    {
        var (page, id) = await KazakhProcess();
        await page.Post($"/processes/{id}?handler=Complete&step=start-procedure", new() { ["Input.Date"] = "2099-01-01", ["Input.Note"] = "typed note" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("2099-01-01 is in the future", page.ErrorAfter("complete:start-procedure", "Input.Date"));
        Assert.Contains(">typed note</textarea>", page.Html);
        Assert.Contains("value=\"2099-01-01\"", page.Html);
    }

    [Fact]
    public async Task In_russian_the_page_labels_dates_and_errors_are_russian()
    {
        var (page, id) = await KazakhProcess("ru");
        Assert.Contains("<html lang=\"ru\">", page.Html);
        Assert.Contains("Журнал изменений", page.Html);
        Assert.Contains("начат 01.09.2025", page.Html);
        Assert.Contains("Начало процедуры", page.Html); // the step's Russian title from the definition
        Assert.Contains("Казахстан · <a href=\"/definitions/kz-establishment", page.Html); // the country by its name, not "KZ"
        await page.Post($"/processes/{id}?handler=Complete&step=start-procedure", new() { ["Input.Date"] = "2025-08-01" });
        Assert.Contains("раньше, чем начался шаг", page.ErrorAfter("complete:start-procedure", "Input.Date"));
    }

    [Fact]
    public async Task The_language_choice_is_remembered_over_accept_language()
    {
        var (page, _) = await KazakhProcess("en");
        await page.Post("/culture", new() { ["culture"] = "ru", ["returnUrl"] = "/processes" });
        Assert.Equal("/processes", page.Location?.OriginalString);
        await page.Follow();
        Assert.Contains("<html lang=\"ru\">", page.Html);
        Assert.Contains("Процессы", page.Html);
    }

    [Fact]
    public async Task Markup_in_a_note_is_shown_as_text()
    {
        var (page, id) = await KazakhProcess();
        await page.Post($"/processes/{id}?handler=Complete&step=start-procedure", new() { ["Input.Date"] = "2025-09-05", ["Input.Note"] = "<script>alert(1)</script>" });
        await page.Follow();
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page.Html);
        Assert.DoesNotContain("<script>alert(1)", page.Html);
    }

    [Fact]
    public async Task Answers_are_recorded_per_body_and_refusals_name_the_field()
    {
        var (page, id) = await KazakhProcess();
        foreach (var (step, date) in new[] { ("start-procedure", "2025-09-05"), ("draft-order", "2025-09-20"), ("letter-to-minister", "2025-10-01") })
        {
            await page.Post($"/processes/{id}?handler=Complete&step={step}", new() { ["Input.Date"] = date });
            await page.Follow();
        }
        await page.Post($"/processes/{id}?handler=Answer&step=invitations&body=iwac", new() { ["Input.Response"] = "accepted", ["Input.Date"] = "2025-10-06" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("enter the name", page.ErrorAfter("answer:invitations:iwac", "Input.NomineeName"));

        await page.Post($"/processes/{id}?handler=Answer&step=invitations&body=iwac", new()
        {
            ["Input.Response"] = "accepted", ["Input.Date"] = "2025-10-06", ["Input.NomineeName"] = "Aigerim Sadykova", ["Input.NomineePosition"] = "Head of division",
        });
        await page.Follow();
        Assert.Contains("Aigerim Sadykova, Head of division", page.Html);
        Assert.DoesNotContain("data-form=\"answer:invitations:iwac\"", page.Html);

        await page.Post($"/processes/{id}?handler=Answer&step=invitations&body=wic", new() { ["Input.Response"] = "declined", ["Input.Date"] = "2025-10-08", ["Input.Reason"] = "Not in our mandate" });
        await page.Follow();
        Assert.Contains("Not in our mandate", page.Html);
    }

    [Fact]
    public async Task The_audit_trail_reads_in_the_pages_language_with_its_dates_statuses_documents_and_nominees()
    {
        var (page, id) = await KazakhProcess("ru");
        await page.Post($"/processes/{id}?handler=Complete&step=start-procedure", new()
        {
            ["Input.Date"] = "2025-09-05", ["Input.Note"] = "Приказ подписан", ["Input.EvidenceTitle"] = "Приказ", ["Input.EvidenceNumber"] = "17-ab", ["Input.EvidenceDate"] = "2025-09-04",
        });
        await page.Follow();
        foreach (var (step, date) in new[] { ("draft-order", "2025-09-20"), ("letter-to-minister", "2025-10-01") })
        {
            await page.Post($"/processes/{id}?handler=Complete&step={step}", new() { ["Input.Date"] = date });
            await page.Follow();
        }
        await page.Post($"/processes/{id}?handler=Answer&step=invitations&body=iwac", new()
        {
            ["Input.Response"] = "accepted", ["Input.Date"] = "2025-10-06", ["Input.NomineeName"] = "Айгерим Садыкова", ["Input.NomineePosition"] = "начальник отдела",
        });
        await page.Get($"/processes/{id}");
        var audit = page.Html[page.Html.IndexOf("Журнал изменений", StringComparison.Ordinal)..];
        audit = audit[..audit.IndexOf("</table>", StringComparison.Ordinal)];

        Assert.Contains("<dt>статус</dt>", audit);
        Assert.Contains("<dd>выполнен</dd>", audit);                   // the step's status by its name, not "done"
        Assert.Contains("<dd>ожидается ответ</dd>", audit);            // the invitation's, not "pending"
        Assert.Matches(@"<dt>выполнен</dt>\s*<dd>05\.09\.2025</dd>", audit);
        Assert.Contains("<dd>Приказ № 17-ab, 04.09.2025</dd>", audit);
        Assert.Contains("<dd>Айгерим Садыкова, начальник отдела</dd>", audit);
        Assert.DoesNotContain("2025-09-05", audit);
        Assert.DoesNotContain("{", audit);                              // no JSON
        Assert.DoesNotContain("completedOn", audit);
    }

    [Fact]
    public async Task Reminders_are_listed_sent_by_hand_paused_and_resumed_on_the_page()
    {
        var (page, id) = await KazakhProcess();
        foreach (var (step, date) in new[] { ("start-procedure", "2025-09-05"), ("draft-order", "2025-09-20"), ("letter-to-minister", "2025-10-01") })
        {
            await page.Post($"/processes/{id}?handler=Complete&step={step}", new() { ["Input.Date"] = date });
            await page.Follow();
        }
        Assert.Contains("No reminder yet.", page.Html);
        await page.Post($"/processes/{id}?handler=SendReminders", new());
        await page.Follow();
        Assert.DoesNotContain("No reminder yet.", page.Html);
        Assert.Contains("sent by hand", page.Html);
        Assert.Contains("International Water Assessment Centre", page.Html); // one row per body still to answer
        Assert.Contains("E-mail is not set up on this server (Smtp:Host)", page.Html); // this app has no SMTP server: due, not sent

        await page.Post($"/processes/{id}?handler=PauseReminders", new());
        await page.Follow();
        Assert.Contains("Reminders are paused for this process.", page.Html);
        await page.Post($"/processes/{id}?handler=ResumeReminders", new());
        await page.Follow();
        Assert.Contains("Agencies that have not answered are reminded", page.Html);
    }

    [Fact]
    public async Task The_definition_page_draws_the_steps_as_a_diagram()
    {
        var page = await PageSession.Anonymous(_factory).Get("/definitions/tj-establishment");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<svg", page.Html);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(page.Html, "<g class=\"node").Count);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(page.Html, "marker-end=").Count); // unece->mfa, mfa->request, start->request, request->approve
    }
}
