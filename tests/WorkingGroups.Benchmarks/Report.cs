namespace WorkingGroups.Benchmarks;

/// <summary>The ratios and the targets (issue 28 for the write path, start-up and memory; issue 9 for the rest), then the same table as JSON and Markdown in artifacts/benchmarks/.</summary>
public static class Report
{
    public static void Write(Settings settings, Results results, DateTime at)
    {
        var limit = results.Find("1 limit", "durable commits per second (1 writer)");
        foreach (var clients in settings.Concurrencies)
        {
            var ours = results.Find("3 ours", $"completions per second, concurrency {clients}");
            var peer = results.Find("2 peer", $"steps advanced per second, concurrency {clients}");
            if (ours is { } o && limit is { } l) results.Add("ratios", $"3/1 ours / limit, concurrency {clients}", o / l, "x");
            if (ours is { } o2 && peer is { } p) results.Add("ratios", $"3/2 ours / peer, concurrency {clients}", o2 / p, "x");
            // Against the floor: what the app's round trip costs beyond the least an authenticated durable write costs.
            var floor = results.Find("1b floor", $"writes per second, concurrency {clients}");
            if (ours is { } o3 && floor is { } f) results.Add("ratios", $"3/1b ours / floor, concurrency {clients}", o3 / f, "x");
            var ourCpu = results.Find("3 ours", $"app CPU per action, concurrency {clients}");
            var floorCpu = results.Find("1b floor", $"server CPU per write, concurrency {clients}");
            if (ourCpu is { } oc && floorCpu is { } fc) results.Add("ratios", $"CPU ours per action / floor per write, concurrency {clients}", oc / fc, "x");
        }

        results.Target("3/2 at concurrency 8 >= 0.6", results.Find("ratios", "3/2 ours / peer, concurrency 8"), v => v >= 0.6);
        results.Target("3/1b at concurrency 8 >= 0.6", results.Find("ratios", "3/1b ours / floor, concurrency 8"), v => v >= 0.6);
        results.Target("app CPU per action / floor CPU per write at concurrency 8 <= 2", results.Find("ratios", "CPU ours per action / floor per write, concurrency 8"),
            v => v <= 2);
        results.Target("p99 completion latency at concurrency 8 < 25 ms", results.Find("3 ours", "p99 latency, concurrency 8"), v => v < 25);
        foreach (var view in new[] { "portfolio", "steps" })
        {
            results.Target($"{view} dashboard over 1,000 processes < 150 ms", results.Find("4 dashboards", $"{view}, 1,000 processes"), v => v < 150);
            results.Target($"{view} dashboard 10,000 / 1,000 <= 12", results.Find("4 dashboards", $"{view} growth 10,000 / 1,000"), v => v <= 12);
        }
        results.Target("sweep over 10,000 pending invitations < 1,000 ms", results.Find("6 sweep", "sweep, 10,000 pending invitations"), v => v < 1000);
        results.Target("forecast: the 80 % date covers 70 to 90 % of real ends, 1,000 processes",
            results.Find("9 forecast", "80 % date covers the real end, 1,000 processes"), v => v is >= 70 and <= 90);
        results.Target("forecast of every running process over 1,000 processes < 150 ms",
            results.Find("9 forecast", "forecast every running process, 1,000 processes"), v => v < 150);
        results.Target("installed start-up to first 200 on /health < 2,000 ms", results.Find("5 start-up", "installed: process start to first 200 on /health"), v => v < 2000);
        results.Target("working set growth during a 20 MB upload and download < 30 MB (issue 32)",
            results.Find("8 documents", "working set growth during upload and download"), v => v < 30);
        results.Target("peak working set < 200 MB", results.Find("5 start-up", "peak working set (VmHWM) after scenario 3"), v => v < 200);

        Console.WriteLine();
        foreach (var check in results.Checks)
            Console.WriteLine($"  {(check.Met ? "ok    " : "MISSED")} {check.Target}: {Results.Format(check.Value)}");

        var folder = Path.Combine(settings.RepositoryRoot, "artifacts", "benchmarks");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "results.json"), results.Json(at, settings.Quick));
        File.WriteAllText(Path.Combine(folder, "results.md"), results.Markdown(at, settings.Quick));
        Console.WriteLine($"\nWritten: {Path.Combine(folder, "results.json")} and results.md");
    }
}
