using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;
using Xunit.Abstractions;

namespace WorkingGroups.IntegrationTests.Security;

/// <summary>
/// Issue 29's sweep: every write of the API (from the app's own routing table, so a new one is swept without a line
/// here) gets its body with each field in turn set to null, emptied, flooded, given control characters, or dated
/// 0001-01-01, 1899-12-31, 2100-01-01 and 9999-12-31 (refused, every one). Whatever the answer: never a 500; a refusal is problem details,
/// a 400 names the field, and a refused request leaves the database as it was. A write that is accepted (a null for an
/// optional field) builds a fresh scene, so the next case meets the same state.
/// </summary>
public sealed class WriteSweepTests : IClassFixture<AppFactory>
{
    private static readonly string[] Dates = ["0001-01-01", "1899-12-31", "2100-01-01", "9999-12-31"];
    private static readonly Regex Date = new(@"^\d{4}-\d{2}-\d{2}$");

    private readonly AppFactory _factory;
    private readonly ITestOutputHelper _output;

    public WriteSweepTests(AppFactory factory, ITestOutputHelper output) => (_factory, _output) = (factory, output);

    /// <summary>
    /// A body with every field the endpoint reads, so that each is swept; ids are filled in from the scene. The steps are
    /// chosen so the write is possible: draft-order is active, start-procedure done.
    /// </summary>
    private static (string Step, string Body) Template(EndpointKey endpoint) => endpoint.Path switch
    {
        "/api/v1/processes/" => ("", """{"definitionId":"kz-establishment","version":1,"startedOn":"2025-09-01","title":"Sweep"}"""),
        var p when p.EndsWith("/complete", StringComparison.Ordinal) =>
            ("draft-order", """{"completedOn":"2025-09-20","note":"n","evidence":[{"title":"Order","number":"1","date":"2025-09-20"}]}"""),
        var p when p.EndsWith("/invitations/{bodyId}", StringComparison.Ordinal) =>
            ("invitations", """{"response":"accepted","respondedOn":"2025-09-30","nominee":{"name":"N","position":"P","email":"n@example.org"},"reason":"r"}"""),
        var p when p.EndsWith("/steps/{stepId}", StringComparison.Ordinal) =>
            ("start-procedure", """{"completedOn":"2025-09-08","note":"n","evidence":[{"title":"Order","number":"1","date":"2025-09-08"}]}"""),
        var p when p.EndsWith("/send-back", StringComparison.Ordinal) => ("start-procedure", """{"sentBackOn":"2025-09-10","reason":"r"}"""),
        var p when p.EndsWith("/cancel", StringComparison.Ordinal) => ("", """{"cancelledOn":"2025-09-10","reason":"r"}"""),
        var p when p.EndsWith("/reminders/recorded", StringComparison.Ordinal) =>
            ("", """{"stepId":"invitations","bodyId":"cerc-menr","sentOn":"2025-09-15","channel":"letter","letterNumber":"1","note":"n"}"""),
        var p when p.EndsWith("/recorded/{reminderId:long}", StringComparison.Ordinal) => ("", """{"channel":"letter","letterNumber":"1","note":"n"}"""),
        var p when p.EndsWith("/representative", StringComparison.Ordinal) =>
            ("", """{"name":"N","position":"P","email":"n@example.org","effectiveOn":"2026-01-10"}"""),
        var p when p.EndsWith("/amendments", StringComparison.Ordinal) =>
            ("", """{"definitionId":"kz-amendment","startedOn":"2026-02-02","title":"A","withdraw":["iwac"]}"""),
        var p when p.EndsWith("/meetings", StringComparison.Ordinal) =>
            ("", """{"kind":"interim","date":"2026-04-01","startsAt":"10:00","durationMinutes":60,"timeZone":"Asia/Almaty","place":"Astana","onlineLink":"https://meet.example.org/wg","agenda":["One"]}"""),
        var p when p.EndsWith("/record", StringComparison.Ordinal) =>
            ("", """{"attendees":[{"bodyId":"iwac","person":"P","observer":false}],"decisions":["D"],"itemReviews":[{"itemId":"{itemId}","status":"in-progress","note":"n"}]}"""),
        var p when p.EndsWith("/minutes", StringComparison.Ordinal) =>
            ("", """{"status":"draft","approvedOn":"2026-02-20","document":{"title":"M","number":"1","date":"2026-02-20"}}"""),
        var p when p.EndsWith("/workplans", StringComparison.Ordinal) => ("", """{"year":2027}"""),
        var p when p.EndsWith("/items", StringComparison.Ordinal) =>
            ("", """{"title":"T","responsibleBodyId":"iwac","coImplementers":["UNECE"],"deadline":"2026-09-01"}"""),
        var p when p.EndsWith("/items/{itemId:guid}", StringComparison.Ordinal) =>
            ("", """{"status":"done","doneOn":"2026-05-01","deadline":"2026-10-01","evidence":[{"title":"R","number":"1","date":"2026-05-01"}]}"""),
        var p when p.EndsWith("/adopt", StringComparison.Ordinal) => ("", """{"meetingId":"{meetingId}"}"""),
        _ => ("", AccessTable.Body(endpoint)),
    };

    [Fact]
    public async Task No_write_answers_500_names_nothing_or_changes_the_database_when_it_refuses()
    {
        var admin = await _factory.ClientFor("Admin");
        var scene = await Scene.Build(_factory);
        var failures = new List<string>();
        var (cases, accepted) = (0, 0);
        foreach (var endpoint in WriteEndpoints())
        {
            var (step, template) = Template(endpoint);
            foreach (var (field, body, extreme) in Mutations(template).DistinctBy(m => m.Body))
            {
                cases++;
                var before = await DatabaseFingerprint.Of(_factory);
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), Url(endpoint.Path, scene, step))
                {
                    Content = new StringContent(Fill(body, scene), Encoding.UTF8, "application/json"),
                };
                using var response = await admin.SendAsync(request);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                var what = $"{endpoint} {field} = {Shorten(body)} -> {status}";
                if (status < 400)
                {
                    // No date field has a range that reaches these: each is a typing mistake wherever it is sent.
                    if (extreme) failures.Add($"{what}: a date outside any sensible range was accepted");
                    accepted++;
                    scene = await Scene.Build(_factory);
                    continue;
                }
                if (status >= 500) failures.Add($"{what}: {Shorten(text)}");
                else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") failures.Add($"{what}: not problem details");
                else if (status == 400 && !Names(text, field)) failures.Add($"{what}: does not name {field}: {Shorten(text)}");
                if (await DatabaseFingerprint.Of(_factory) != before) failures.Add($"{what}: refused, but the database changed");
            }
        }
        _output.WriteLine($"{cases} cases over {WriteEndpoints().Count} writes, {accepted} accepted");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases wrong:\n" + string.Join("\n", failures));
    }

    /// <summary>The field named by its path (evidence[0].date) or, for a refusal of the whole list or object, by its first segment.</summary>
    private static bool Names(string problem, string field)
    {
        var first = field.Split('.', '[')[0];
        return problem.Contains(field, StringComparison.Ordinal) || problem.Contains($"\"{first}", StringComparison.Ordinal)
            || problem.Contains($"{first} ", StringComparison.Ordinal) || problem.Contains($"$.{first}", StringComparison.Ordinal);
    }

    /// <summary>Each field in turn (depth first, the first entry of a list standing for all), changed in every way that fits it.</summary>
    private static IEnumerable<(string Field, string Body, bool ExtremeDate)> Mutations(string template)
    {
        var paths = new List<(string Path, JsonNode? Node)>();
        void Walk(JsonNode? node, string path)
        {
            if (path.Length > 0) paths.Add((path, node));
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, child) in o) Walk(child, path.Length == 0 ? name : $"{path}.{name}");
                    break;
                case JsonArray { Count: > 0 } a:
                    Walk(a[0], $"{path}[0]");
                    break;
            }
        }
        Walk(JsonNode.Parse(template), "");
        foreach (var (path, node) in paths)
        {
            yield return (path, With(template, path, _ => null), false);
            switch (node)
            {
                case JsonArray array:
                    yield return (path, With(template, path, _ => new JsonArray()), false);
                    yield return ($"{path}[0]", With(template, path, _ => new JsonArray((JsonNode?)null)), false);
                    var entry = array.Count > 0 ? array[0]!.ToJsonString() : "\"x\"";
                    yield return (path, With(template, path, _ => JsonNode.Parse("[" + string.Join(",", Enumerable.Repeat(entry, 1000)) + "]")), false);
                    break;
                case JsonValue value when value.TryGetValue<string>(out var text):
                    if (Date.IsMatch(text))
                        foreach (var date in Dates) yield return (path, With(template, path, _ => date), true);
                    else
                    {
                        yield return (path, With(template, path, _ => text + "\u0000"), false);
                        yield return (path, With(template, path, _ => text + "\r\nBcc: all"), false);
                        yield return (path, With(template, path, _ => text + "\u001b[31m"), false);
                    }
                    break;
            }
        }
    }

    /// <summary>The template with the node at <paramref name="path"/> replaced.</summary>
    private static string With(string template, string path, Func<JsonNode?, JsonNode?> change)
    {
        var root = JsonNode.Parse(template)!;
        var segments = Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value).ToList();
        JsonNode parent = root;
        for (var i = 0; i < segments.Count - 1; i++) parent = Child(parent, segments[i])!;
        var last = segments[^1];
        if (last.StartsWith('[')) parent.AsArray()[int.Parse(last[1..^1])] = change(Child(parent, last)?.DeepClone());
        else parent.AsObject()[last] = change(parent[last]?.DeepClone());
        return root.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonNode? Child(JsonNode node, string segment) =>
        segment.StartsWith('[') ? node.AsArray()[int.Parse(segment[1..^1])] : node[segment];

    private static string Fill(string body, Scene scene) => body.Replace("{itemId}", scene.Item).Replace("{meetingId}", scene.Meeting);

    private static string Url(string pattern, Scene scene, string step) => AccessTable.Url(pattern,
            new MatrixIds(ProcessApi.Id(scene.Process), ProcessApi.Id(scene.Group), scene.Meeting, scene.Plan, scene.Item))
        .Replace("/steps/start-procedure", step.Length > 0 ? $"/steps/{step}" : "/steps/start-procedure");

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>The API's writes that take a body, from the routing table.</summary>
    private IReadOnlyList<EndpointKey> WriteEndpoints()
    {
        _ = _factory.Server;
        return _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "PATCH")
                .Select(m => new EndpointKey(m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct().OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList();
    }
}
