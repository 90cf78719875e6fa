using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Attachments;

/// <summary>
/// Documents kept with a step and an answer, over HTTP, on each database (<see cref="AttachmentApiTests"/> on SQLite,
/// <see cref="Postgres.PostgresAttachmentApiTests"/>): a coordinator attaches the signed order, a reviewer downloads it
/// byte for byte under its name; each bad input of issue 32 is refused with a 4xx and leaves nothing behind.
/// </summary>
public abstract class AttachmentApiContract<TFactory> : IClassFixture<TFactory> where TFactory : AppFactory
{
    private const int Limit = 3 * 1024 * 1024;
    private readonly AppFactory _factory;

    protected AttachmentApiContract(TFactory factory) => _factory = factory.With("Attachments:MaxMegabytes", "3");

    private async Task<(HttpClient Coordinator, string Path, JsonElement Process)> StepWithDocumentsAsync()
    {
        var coordinator = await _factory.ClientFor("Coordinator", "KZ");
        var process = await coordinator.Start("kz-establishment", "2025-09-01");
        return (coordinator, $"/api/v1/processes/{ProcessApi.Id(process)}/steps/draft-order/attachments", process);
    }

    [SkippableFact]
    public async Task A_coordinator_attaches_the_signed_order_and_a_reviewer_downloads_it_byte_for_byte()
    {
        var (coordinator, path, process) = await StepWithDocumentsAsync();
        var order = Documents.Pdf(Limit - 1000); // three chunks in the database
        const string name = "Приказ № 17 (подписан).pdf";

        var added = await (await coordinator.PostAsync(path, Documents.Form(order, name, "application/octet-stream"))).Json(HttpStatusCode.Created);
        Assert.Equal(name, added.GetProperty("name").GetString());
        Assert.Equal("application/pdf", added.GetProperty("contentType").GetString()); // by its content, not the declared type
        Assert.Equal(order.Length, added.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(order)), added.GetProperty("sha256").GetString());

        var reviewer = await _factory.ClientFor("Observer");
        var listed = await reviewer.GetFromJsonAsync<JsonElement>(path);
        var href = Assert.Single(listed.EnumerateArray()).GetProperty("href").GetString()!;
        var download = await reviewer.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(order, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(name, download.Content.Headers.ContentDisposition?.FileNameStar);

        var audit = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(process)}/audit");
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "attachment-added");
    }

    [SkippableFact]
    public async Task An_agency_answer_keeps_its_letter_apart_from_the_step()
    {
        var (coordinator, stepPath, process) = await StepWithDocumentsAsync();
        process = await coordinator.Complete(process, "start-procedure", "2025-09-08");
        process = await coordinator.Complete(process, "draft-order", "2025-09-29", "ISC-17/2025");
        process = await coordinator.Complete(process, "letter-to-minister", "2025-10-13", "ISC-24-12/1183");
        var answerPath = $"/api/v1/processes/{ProcessApi.Id(process)}/steps/invitations/invitations/iwac/attachments";
        var letter = Documents.Docx("Nomination of the representative");
        var added = await (await coordinator.PostAsync(answerPath, Documents.Form(letter, "nomination.docx"))).Json(HttpStatusCode.Created);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", added.GetProperty("contentType").GetString());
        Assert.Single((await coordinator.GetFromJsonAsync<JsonElement>(answerPath)).EnumerateArray());
        Assert.Empty((await coordinator.GetFromJsonAsync<JsonElement>(stepPath)).EnumerateArray());
        var nobody = $"/api/v1/processes/{ProcessApi.Id(process)}/steps/invitations/invitations/nobody/attachments";
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsync(nobody, Documents.Form(letter, "nomination.docx"))).StatusCode);
    }

    [SkippableFact]
    public async Task Every_bad_input_is_refused_with_a_problem_and_nothing_is_stored()
    {
        var (coordinator, path, process) = await StepWithDocumentsAsync();
        async Task Refused(HttpClient client, HttpContent form, HttpStatusCode status, string words)
        {
            var response = await client.PostAsync(path, form);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(words, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        await Refused(coordinator, Documents.Form([], "empty.pdf"), HttpStatusCode.BadRequest, "empty");
        await Refused(coordinator, Documents.Form(Documents.Executable(), "order.pdf"), HttpStatusCode.BadRequest, "none of the documents");
        await Refused(coordinator, Documents.Form(Documents.Pdf(Limit + 1), "big.pdf"), HttpStatusCode.RequestEntityTooLarge, "larger than 3 MB");
        await Refused(coordinator, Documents.Form(Documents.ZipBomb(), "letter.docx"), HttpStatusCode.BadRequest, "zip");
        await Refused(coordinator, Documents.RawNameForm(Documents.Pdf(100), "..\\..\\order.pdf"), HttpStatusCode.BadRequest, "path");
        await Refused(coordinator, Documents.RawNameForm(Documents.Pdf(100), "order\u0007\u202Efdp.exe"), HttpStatusCode.BadRequest, "control characters");
        await Refused(coordinator, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), HttpStatusCode.BadRequest, "multipart");
        var tajik = await _factory.ClientFor("Coordinator", "TJ");
        Assert.Equal(HttpStatusCode.Forbidden, (await tajik.PostAsync(path, Documents.Form(Documents.Pdf(100), "order.pdf"))).StatusCode);

        Assert.Empty((await coordinator.GetFromJsonAsync<JsonElement>(path)).EnumerateArray());
        var audit = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(process)}/audit");
        Assert.DoesNotContain(audit.EnumerateArray(), a => a.GetProperty("action").GetString()!.StartsWith("attachment", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Removing_a_document_is_for_its_country_and_the_audit_keeps_its_hash()
    {
        var (coordinator, path, process) = await StepWithDocumentsAsync();
        var added = await (await coordinator.PostAsync(path, Documents.Form(Documents.Pdf(5000), "draft.pdf"))).Json(HttpStatusCode.Created);
        var href = added.GetProperty("href").GetString()!;
        var tajik = await _factory.ClientFor("Coordinator", "TJ");
        Assert.Equal(HttpStatusCode.Forbidden, (await tajik.DeleteAsync(href)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync(href)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(href)).StatusCode);
        var audit = await coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{ProcessApi.Id(process)}/audit");
        var removed = Assert.Single(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "attachment-removed");
        Assert.Contains(added.GetProperty("sha256").GetString()!, removed.GetProperty("before").GetString());
    }
}

public sealed class AttachmentApiTests(AppFactory factory) : AttachmentApiContract<AppFactory>(factory);
