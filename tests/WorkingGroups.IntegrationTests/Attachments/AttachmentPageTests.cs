using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.IntegrationTests.Pages;
using WorkingGroups.IntegrationTests.Processes;
using WorkingGroups.IntegrationTests.Reminders;

namespace WorkingGroups.IntegrationTests.Attachments;

/// <summary>
/// The pages' upload forms over HTTP: the coordinator's on the process page, the agency's on its answer page, each with
/// its antiforgery token before the file; an expired link and a form without its token store nothing.
/// </summary>
[Collection("Reminders")]
public sealed class AttachmentPageTests
{
    /// <summary>A page's upload form as a browser sends it: the token first, then the file.</summary>
    private static MultipartFormDataContent Upload(string? token, byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        if (token is not null) form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return form;
    }

    [Fact]
    public async Task A_coordinator_attaches_on_the_process_page_and_the_agency_through_its_link_until_it_expires()
    {
        using var app = new ReminderApp(smtp: null);
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var process = await coordinator.InvitationsSent(app.Today, "iwac");
        var id = ProcessApi.Id(process);

        // The coordinator, on the process page.
        var page = await PageSession.SignedIn(app, "Coordinator", "KZ", "en");
        await page.Get($"/processes/{id}");
        Assert.Contains($"action=\"/processes/{id}/steps/draft-order/attachments\"", page.Html);
        var refused = await page.Client.PostAsync($"/processes/{id}/steps/draft-order/attachments", Upload(page.Token(), Documents.Executable(), "order.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("none of the documents kept here", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var bare = await page.Client.PostAsync($"/processes/{id}/steps/draft-order/attachments", Upload(null, Documents.Pdf(2000), "order.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        var sent = await page.Client.PostAsync($"/processes/{id}/steps/draft-order/attachments", Upload(page.Token(), Documents.Pdf(2000), "signed-order.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await page.Get($"/processes/{id}");
        Assert.Contains("signed-order.pdf", page.Html);
        var stepDocuments = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}/steps/draft-order/attachments");
        Assert.Single(stepDocuments.EnumerateArray());

        // The agency, through its answer link.
        var links = app.Services.GetRequiredService<AnswerLinks>();
        Guid version;
        using (var scope = app.Services.CreateScope())
            version = scope.ServiceProvider.GetRequiredService<AppDbContext>().Invitations.Single(i => i.ProcessId == Guid.Parse(id) && i.BodyId == "iwac").Version;
        var link = links.Token(Guid.Parse(id), "invitations", "iwac", version);
        var agency = PageSession.Anonymous(app);
        await agency.Get($"/answer/{link}");
        Assert.Contains($"action=\"/answer/{link}/attachments\"", agency.Html);
        var letter = Documents.Docx("Nomination");
        var answered = await agency.Client.PostAsync($"/answer/{link}/attachments", Upload(agency.Token(), letter, "nomination.docx"));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        await agency.Get($"/answer/{link}");
        Assert.Contains("nomination.docx", agency.Html);

        var answerPath = $"/api/v1/processes/{id}/steps/invitations/invitations/iwac/attachments";
        var kept = Assert.Single((await coordinator.GetFromJsonAsync<JsonElement>(answerPath)).EnumerateArray());
        Assert.EndsWith("(answer link)", kept.GetProperty("addedBy").GetString());
        var reviewer = await app.ClientAs("reviewer@example.org", "Observer");
        Assert.Equal(letter, await reviewer.GetByteArrayAsync(kept.GetProperty("href").GetString()));

        // The same link, 31 days on: refused, in the body's language, and nothing more is kept.
        var token = agency.Token();
        app.MoveTo(app.Today.AddDays(31));
        var expired = await agency.Client.PostAsync($"/answer/{link}/attachments", Upload(token, letter, "late.docx"));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("Срок действия ссылки истёк", WebUtility.HtmlDecode(await expired.Content.ReadAsStringAsync()));
        Assert.Single((await coordinator.GetFromJsonAsync<JsonElement>(answerPath)).EnumerateArray());
    }
}
