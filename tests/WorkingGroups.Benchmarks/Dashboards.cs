using System.Diagnostics;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// Scenario 4: the portfolio and bottleneck (steps) dashboards as the number of processes grows, and the home page's
/// attention list (no target of its own: it reads the same processes, with their reminders and groups). Processes are
/// started through the API (the honest way: the engine opens each one's first step), spread over 200 start dates.
/// </summary>
public static class Dashboards
{
    private static readonly (string View, string Path)[] Views =
        [("portfolio", "api/v1/dashboards/portfolio"), ("steps", "api/v1/dashboards/steps"), ("attention", "api/v1/attention")];

    public static async Task RunAsync(Settings settings, Results results)
    {
        var folder = settings.NewFolder("dashboards");
        var token = await ChildApp.CreateTokenAsync(settings, folder, "dashboards@bench.local", "Coordinator", "KZ");
        await using var app = await ChildApp.StartAsync(settings, folder);
        using var client = app.Client(token);
        var driver = new HttpDriver(client);

        var medians = new Dictionary<(string View, int Size), double>();
        var created = 0;
        foreach (var size in settings.DashboardSizes)
        {
            var began = Stopwatch.GetTimestamp();
            var toCreate = size - created;
            await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(async () =>
            {
                for (var i = worker; i < toCreate; i += 16)
                    await driver.StartAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-((created + i) % 200)));
            })));
            created = size;
            results.Add("4 dashboards", $"processes started through the API, up to {size:N0}", toCreate / Stopwatch.GetElapsedTime(began).TotalSeconds, "/s",
                "16 clients");

            foreach (var (view, path) in Views)
            {
                var times = await Measure.RepeatAsync(1, settings.Repetitions, async _ =>
                {
                    var start = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    response.EnsureSuccessStatusCode();
                    return Measure.Milliseconds(start);
                });
                medians[(view, size)] = Measure.Median(times);
                results.Add("4 dashboards", $"{view}, {size:N0} processes", medians[(view, size)], "ms");
            }
        }
        foreach (var (view, _) in Views)
        {
            if (medians.TryGetValue((view, 10_000), out var large) && medians.TryGetValue((view, 1_000), out var small))
                results.Add("4 dashboards", $"{view} growth 10,000 / 1,000", large / small, "x");
        }
    }
}
