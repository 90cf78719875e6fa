using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// Scenario 8 (issue 32): a 20 MB signed order uploaded to a step and downloaded again through the app as a child
/// process, as a coordinator's client sends it (multipart, Content-Length known). Measured: each direction's throughput,
/// and how far the app's resident set rose above where it stood before the upload (its peak, VmHWM, reset just before):
/// the file streams through a temporary file and 1 MB chunks, so the growth should stay under 30 MB.
/// </summary>
public static class DocumentTransfer
{
    private const int Megabytes = 20;

    public static async Task RunAsync(Settings settings, Results results)
    {
        var folder = settings.NewFolder("documents");
        var token = await ChildApp.CreateTokenAsync(settings, folder, "coordinator@bench.local", "Coordinator", "KZ");
        await using var app = await ChildApp.StartAsync(settings, folder);
        using var client = app.Client(token);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var started = await client.PostAsJsonAsync("/api/v1/processes", new { definitionId = "kz-establishment", startedOn = today });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var path = $"/api/v1/processes/{id}/steps/draft-order/attachments";

        var small = Write(Path.Combine(folder, "warm-up.pdf"), 1);
        for (var i = 0; i < 2; i++) await DownloadAsync(client, await UploadAsync(client, path, small));

        var order = Write(Path.Combine(folder, "order.pdf"), Megabytes);
        var before = app.ResidentMbAndResetPeak();
        var start = Stopwatch.GetTimestamp();
        var href = await UploadAsync(client, path, order);
        var uploadSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        start = Stopwatch.GetTimestamp();
        var hash = await DownloadAsync(client, href);
        var downloadSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var growth = app.PeakWorkingSetMb() - before;
        byte[] sent;
        await using (var file = File.OpenRead(order)) sent = await SHA256.HashDataAsync(file);
        if (!CryptographicOperations.FixedTimeEquals(hash, sent)) throw new InvalidOperationException("the downloaded document differs from the uploaded one");

        results.Add("8 documents", $"upload of a {Megabytes} MB PDF", Megabytes / uploadSeconds, "MB/s", "multipart, single reading");
        results.Add("8 documents", $"download of a {Megabytes} MB PDF", Megabytes / downloadSeconds, "MB/s", "byte-identical, single reading");
        results.Add("8 documents", "working set growth during upload and download", growth, "MB", $"peak (VmHWM) over the resident set before: {before:N0} MB");
    }

    private static string Write(string file, int megabytes)
    {
        var bytes = new byte[1024 * 1024];
        using var stream = File.Create(file);
        for (var i = 0; i < megabytes; i++)
        {
            Random.Shared.NextBytes(bytes);
            if (i == 0) "%PDF-1.7\n"u8.CopyTo(bytes);
            stream.Write(bytes);
        }
        return file;
    }

    private static async Task<string> UploadAsync(HttpClient client, string path, string file)
    {
        await using var stream = File.OpenRead(file);
        var content = new StreamContent(stream);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { content, "file", Path.GetFileName(file) } };
        using var response = await client.PostAsync(path, form);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"upload: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("href").GetString()!;
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string href)
    {
        using var response = await client.GetAsync(href, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        return await SHA256.HashDataAsync(body);
    }
}
