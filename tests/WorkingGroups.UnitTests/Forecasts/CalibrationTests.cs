using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Forecasts;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Samples;
using WorkingGroups.Testing;
using Xunit.Abstractions;

namespace WorkingGroups.UnitTests.Forecasts;

/// <summary>
/// Is the 80 % date an 80 % date? Histories whose real ends are known are replayed: every process running on each of
/// several dates is forecast from the history as it stood then, and its real establishment must fall by the 80 % date
/// in 70 to 90 % of the cases.
/// </summary>
public sealed class CalibrationTests(ITestOutputHelper output)
{
    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WorkingGroups.sln"))) return dir.FullName;
        throw new InvalidOperationException("no repository root above " + AppContext.BaseDirectory);
    }

    private static ProcessDefinition Shipped(string id) =>
        DefinitionLoader.LoadFolder(Path.Combine(Root(), "workflows")).Definitions.Single(d => d.Id == id);

    /// <summary>Every 61 days from half a year in until the last start: the early dates have little history, the late ones much.</summary>
    private static IEnumerable<DateOnly> Dates(DateOnly from) => Enumerable.Range(0, 15).Select(i => from.AddDays(182 + 61 * i));

    [Fact]
    public void The_80_percent_date_covers_the_real_end_in_70_to_90_percent_of_generated_histories()
    {
        var from = new DateOnly(2022, 1, 3);
        var coverage = new Calibration.Coverage(0, 0, 0);
        foreach (var (id, seed) in new[] { ("kz-establishment", 1), ("tj-establishment", 2) })
        {
            var mine = Calibration.Replay(Calibration.Generate(Shipped(id), 240, from, seed), Dates(from));
            output.WriteLine($"{id}: {mine.Cases} forecasts, 80 % date covers {mine.Share80:P1}, median {mine.ShareMedian:P1}");
            coverage += mine;
        }
        Assert.True(coverage.Cases > 300, $"{coverage.Cases} forecasts");
        Assert.InRange(coverage.Share80, 0.70, 0.90);
        Assert.InRange(coverage.ShareMedian, 0.35, 0.65);
    }

    [Fact]
    public void The_samples_replayed_week_by_week_are_forecast_from_their_own_history()
    {
        // The two established samples on their definitions, as the app loads them; each forecast every week of its life.
        var catalog = new DefinitionCatalog(DefinitionLoader.LoadFolder(Path.Combine(Root(), "workflows")).Definitions
            .Concat(DefinitionLoader.LoadFolder(Path.Combine(Root(), "samples")).Definitions));
        var today = new DateOnly(2026, 12, 1);
        var (histories, errors) = SampleHistoryFile.ReadFolder(Path.Combine(Root(), "samples", "histories"), catalog, today);
        Assert.Empty(errors);
        var played = histories.Select(h => Play(h, catalog.Find(h.Start.DefinitionId, h.Start.Version)!, today))
            .Where(x => x.Process.Status == ProcessStatus.Established).ToList();
        Assert.Equal(2, played.Count);
        var coverage = new Calibration.Coverage(0, 0, 0);
        foreach (var x in played)
        {
            var p = x.Process;
            var weeks = Enumerable.Range(0, (p.EstablishedOn!.Value.DayNumber - p.StartedOn.DayNumber) / 7).Select(w => p.StartedOn.AddDays(7 * w + 1));
            var mine = Calibration.Replay([x], weeks);
            output.WriteLine($"{p.Country} sample: {mine.Cases} forecasts, 80 % date covers {mine.Share80:P0}, median {mine.ShareMedian:P0}");
            coverage += mine;
        }
        // Two processes alone cannot show calibration (the generated set does); they must show the forecast working on real data.
        Assert.True(coverage.Cases >= 25, $"{coverage.Cases} forecasts");
        Assert.True(coverage.By80 > 0, "the 80 % date covered some of the samples' real ends");
    }

    private static ProcessOnDefinition Play(SampleHistory h, ProcessDefinition d, DateOnly today)
    {
        var p = Process.Start(d, h.Start.StartedOn, h.Start.Title, "samples", DateTime.UnixEpoch, today);
        foreach (var action in h.Actions)
        {
            if (action is CompleteSampleStep c) p.Complete(d, c.StepId, c.Command, today);
            else if (action is AnswerSampleInvitation a) p.Answer(d, a.StepId, a.BodyId, a.Command, today);
        }
        return new ProcessOnDefinition(p, d);
    }
}
