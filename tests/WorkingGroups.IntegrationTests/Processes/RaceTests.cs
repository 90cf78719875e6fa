using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Postgres;

namespace WorkingGroups.IntegrationTests.Processes;

/// <summary>
/// Writes to one process race on its version: of fifty coordinators completing the same step at once exactly one
/// records it, every other one is told why not (409 naming the process, or the step already done), and the step
/// after it opens once. On SQLite (<see cref="SqliteRaceTests"/>) and PostgreSQL (<see cref="PostgresRaceTests"/>).
/// </summary>
public abstract class RaceContract : IDisposable
{
    protected abstract AppFactory Host { get; }

    public void Dispose() => Host.Dispose();

    [SkippableFact]
    public async Task Fifty_parallel_completions_of_one_step_have_one_winner()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Host.ClientFor("Coordinator", "KZ")));
        var process = await clients[0].Start("kz-establishment", "2026-09-01");
        var id = ProcessApi.Id(process);

        using var go = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await clients[i % clients.Length].TryComplete(process, "start-procedure",
                new { completedOn = $"2026-09-{10 + i % 15:00}", note = $"attempt {i}" });
        })).ToList();
        go.Set();
        var answers = await Task.WhenAll(attempts);

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
            Assert.True(detail.Contains(id) || detail.Contains("already completed"), detail);
        }

        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>();
        var stored = await clients[0].GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}");
        Assert.Equal(winner.Step("start-procedure").GetProperty("note").GetString(), stored.Step("start-procedure").GetProperty("note").GetString());
        Assert.Equal(["draft-order"], stored.ActiveSteps());
        var audit = await clients[0].GetFromJsonAsync<JsonElement>($"/api/v1/processes/{id}/audit");
        Assert.Equal(1, audit.EnumerateArray().Count(a => a.GetProperty("action").GetString() == "step-completed"));
    }
}

public sealed class SqliteRaceTests : RaceContract
{
    protected override AppFactory Host { get; } = new();
}

public sealed class PostgresRaceTests : RaceContract
{
    protected override AppFactory Host { get; } = new PostgresAppFactory();
}
