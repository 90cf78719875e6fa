using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Attachments;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Postgres;

/// <summary>
/// A kept document goes where the database goes: into a backup and back through restore, and to PostgreSQL with
/// `migrate --to`, downloading the same bytes under the same name afterwards.
/// </summary>
public sealed class DocumentsMoveTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly PostgresDatabases _databases = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("wg-docs-move-").FullName;
    private readonly string _restored = Directory.CreateTempSubdirectory("wg-docs-restored-").FullName;

    [SkippableFact]
    public async Task Backup_restore_and_the_move_to_postgres_carry_the_documents()
    {
        var database = _databases.Create();
        var order = Documents.Pdf(2 * 1024 * 1024 + 123); // three chunks
        string token, href;
        using (var sqlite = AppFactory.On(_folder, keepData: true))
        {
            token = await sqlite.TokenFor("Admin");
            var client = Client(sqlite, token);
            var process = await client.Start("kz-establishment", "2025-09-01");
            var added = await (await client.PostAsync($"/api/v1/processes/{ProcessApi.Id(process)}/steps/draft-order/attachments",
                Documents.Form(order, "signed-order.pdf"))).Json(HttpStatusCode.Created);
            href = added.GetProperty("href").GetString()!;
        }

        var backup = Path.Combine(Path.GetTempPath(), $"wg-docs-{Guid.NewGuid():N}.db");
        var backedUp = await AppProcess.RunAsync(["backup", backup], new Dictionary<string, string> { ["Data__Folder"] = _folder }, Timeout);
        Assert.True(backedUp.ExitCode == 0, backedUp.Error + backedUp.Output);
        var restored = await AppProcess.RunAsync(["restore", backup], new Dictionary<string, string> { ["Data__Folder"] = _restored }, Timeout);
        Assert.True(restored.ExitCode == 0, restored.Error + restored.Output);
        using (var fromBackup = AppFactory.On(_restored, keepData: true))
            await AssertSameAsync(Client(fromBackup, token), href, order);

        var moved = await AppProcess.RunAsync(["migrate", "--to", database], new Dictionary<string, string> { ["Data__Folder"] = _folder }, Timeout);
        Assert.True(moved.ExitCode == 0, moved.Error + moved.Output);
        Assert.Contains("AttachmentChunks", moved.Output);
        using var postgres = PostgresAppFactory.On(database);
        await AssertSameAsync(Client(postgres, token), href, order);
        File.Delete(backup);
        if (Directory.Exists(backup + ".keys")) Directory.Delete(backup + ".keys", recursive: true);
    }

    private static async Task AssertSameAsync(HttpClient client, string href, byte[] expected)
    {
        var download = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(expected, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("signed-order.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    private static HttpClient Client(AppFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public void Dispose()
    {
        _databases.Dispose();
        foreach (var folder in new[] { _folder, _restored })
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
