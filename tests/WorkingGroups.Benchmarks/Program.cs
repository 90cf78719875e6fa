using WorkingGroups.Benchmarks;

// How fast a step advances, against the raw durable-write limit and the engine's in-memory runtime (issue 9).
var settings = Settings.From(args);
var results = new Results();
var at = DateTime.UtcNow;
Console.WriteLine($"WorkingGroups benchmarks{(settings.Quick ? " (--quick)" : "")}: medians of {settings.Repetitions} repetitions after a warm-up");

try
{
    await SqliteLimit.RunAsync(settings, results);
    await EnginePeer.RunAsync(settings, results);
    await EndToEnd.RunAsync(settings, results);
    await Dashboards.RunAsync(settings, results);
    await Sweep.RunAsync(settings, results);
}
finally
{
    Report.Write(settings, results, at);
    try { Directory.Delete(settings.WorkFolder, recursive: true); } catch (IOException) { }
}
return 0;
