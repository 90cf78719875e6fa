using WorkingGroups.Core.Dashboards;
using WorkingGroups.Core.Forecasts;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.UnitTests.Forecasts;

/// <summary>
/// The forecast of when a running process will be established: its steps open as the engine opens them, durations
/// come from the installation's history or, where that is thin, the benchmarks, and the same data gives the same dates.
/// </summary>
public sealed class ForecasterTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    /// <summary>100 established processes in 2024 and 2025, every one with the same durations.</summary>
    private static IEnumerable<Process> Alike(int draft, int letter, int invite, int approve, int publish) =>
        Enumerable.Range(0, 100).Select(i => History.Run(new DateOnly(2024, 1, 1).AddDays(i * 3), draft, letter, invite, approve, publish));

    private static Forecast Forecast(Process p, IEnumerable<Process> others, DateOnly asOf) =>
        Forecaster.Of(p, History.Definition, new ForecastHistory(History.On(others.Append(p)), asOf))!;

    [Fact]
    public void Parallel_branches_overlap_and_the_longest_path_decides()
    {
        // draft 10 and letter 20 run side by side; invite (25) waits for both, approve (30) for invite; publish (5) only for draft.
        // The longest path: 20 + 25 + 30 = 75 days, not the 90 the five steps sum to.
        var fresh = History.Run(Start, null, null, null, null, null);
        var forecast = Forecast(fresh, Alike(10, 20, 25, 30, 5), Start);
        Assert.Equal(Start.AddDays(75), forecast.MedianOn);
        Assert.Equal(Start.AddDays(75), forecast.LikelyBy);
        Assert.False(forecast.ThinHistory);

        // The publish branch made long: now it decides, running from draft's completion alone (10 + 120).
        var slowPublish = Forecast(fresh, Alike(10, 20, 25, 30, 120), Start);
        Assert.Equal(Start.AddDays(130), slowPublish.MedianOn);
    }

    [Fact]
    public void Done_steps_count_as_recorded_and_a_running_step_goes_on_from_the_days_it_has_taken()
    {
        var history = Alike(10, 20, 25, 30, 5).ToList();
        // draft took 40 days instead of 10; letter done in 20: invite opened on day 40, so 40 + 25 + 30 = 95.
        var late = History.Run(Start, 40, 20, null, null, 5);
        Assert.Equal(Start.AddDays(95), Forecast(late, history, Start.AddDays(50)).MedianOn);

        // letter still open on day 60, three times what it ever took: the forecast puts its end after the date, never before.
        var stuck = History.Run(Start, 10, null, null, null, 5);
        var asOf = Start.AddDays(60);
        var forecast = Forecast(stuck, history, asOf);
        Assert.True(forecast.MedianOn > asOf.AddDays(55), $"median {forecast.MedianOn}: invite and approve (55 days) still follow the letter");
        Assert.True(forecast.LikelyBy >= forecast.MedianOn);
    }

    [Fact]
    public void Without_history_the_benchmarks_decide_and_the_forecast_says_so()
    {
        // Benchmarks: draft and letter 10 side by side, invite 20, approve 30, publish 10: the longest path is 60 days.
        var fresh = History.Run(Start, null, null, null, null, null);
        var thin = Forecast(fresh, [], Start);
        Assert.True(thin.ThinHistory);
        Assert.InRange(thin.MedianOn.DayNumber - Start.DayNumber, 55, 75);
        Assert.True(thin.LikelyBy > thin.MedianOn, "with only benchmarks to go on, the 80 % date lies beyond the median");
        Assert.Equal(Start.AddDays(90), thin.BenchmarkOn);
        Assert.True(thin.DaysLate < 0, "a forecast within the benchmark is early");

        // Two processes that took twice the benchmarks move the forecast only part of the way: the benchmark weighs as three.
        var two = Forecast(fresh, Alike(20, 20, 40, 60, 20).Take(2), Start);
        Assert.True(two.ThinHistory);
        Assert.InRange(two.MedianOn.DayNumber - Start.DayNumber, thin.MedianOn.DayNumber - Start.DayNumber + 5, 119);

        // A hundred of them: the history decides.
        var rich = Forecast(fresh, Alike(20, 20, 40, 60, 20), Start);
        Assert.False(rich.ThinHistory);
        Assert.Equal(Start.AddDays(120), rich.MedianOn);
        Assert.Equal(30, rich.DaysLate);
        Assert.Equal(4, rich.WeeksLate);
    }

    [Fact]
    public void The_same_data_gives_the_same_dates()
    {
        var history = Enumerable.Range(0, 30)
            .Select(i => History.Run(new DateOnly(2024, 1, 1).AddDays(i * 7), 5 + i % 11, 8 + i * 7 % 13, 15 + i * 5 % 17, 20 + i * 3 % 29, 4 + i % 5))
            .ToList();
        var fresh = History.Run(Start, 12, null, null, null, null);
        var asOf = Start.AddDays(20);
        var first = Forecast(fresh, history, asOf);
        var again = Forecast(fresh, history.AsEnumerable().Reverse().ToList(), asOf); // another order, another history object
        Assert.Equal(first, again);
        Assert.True(first.LikelyBy > first.MedianOn, "varied durations spread the runs");
    }

    [Fact]
    public void As_of_a_past_date_the_process_and_its_history_are_as_they_stood_then()
    {
        // Fifty processes from 2024-01-01 on, each done in 120 days (twice the benchmarks); this one's approval took 300.
        var day = new DateOnly(2024, 1, 1);
        var history = Enumerable.Range(0, 50).Select(i => History.Run(day.AddDays(i), 20, 20, 40, 60, 20)).ToList();
        var p = History.Run(day, 20, 20, 40, 300, 20);
        Assert.Equal(day.AddDays(360), p.EstablishedOn);

        // On day 5 nothing had finished anywhere (nor in this process, whose first steps ended on day 20): the benchmarks decide.
        var early = Forecast(p, history, day.AddDays(5));
        Assert.True(early.ThinHistory);
        Assert.InRange(early.MedianOn.DayNumber - day.DayNumber, 55, 80);

        // On day 100 the approvals elsewhere were all still running: still thin, and no earlier than the history's 120 days.
        var middle = Forecast(p, history, day.AddDays(100));
        Assert.True(middle.ThinHistory);

        // On day 200 every other process had finished; this approval, open 140 days against their 60, ends after the date.
        var later = Forecast(p, history, day.AddDays(200));
        Assert.False(later.ThinHistory);
        Assert.InRange(later.MedianOn.DayNumber - day.DayNumber, 201, 230);

        // Established on day 360: no forecast from then on, and none before it started.
        Assert.NotNull(Forecaster.Of(p, History.Definition, new ForecastHistory(History.On(history), day.AddDays(359))));
        Assert.Null(Forecaster.Of(p, History.Definition, new ForecastHistory(History.On(history), day.AddDays(360))));
        Assert.Null(Forecaster.Of(p, History.Definition, new ForecastHistory(History.On(history), day.AddDays(-1))));
    }

    [Fact]
    public void A_silent_body_is_expected_as_its_own_history_says()
    {
        // Water answers in 5 days, energy in 60, and the step ends with the last answer (60). Here energy has answered
        // and water, invited 10 days ago, has not: its own history says it is late already, not that 50 days remain.
        var history = Enumerable.Range(0, 60).Select(i => History.Run(new DateOnly(2024, 1, 1).AddDays(i * 2), 10, 10, 60, 30, 5, waterAnswers: 5)).ToList();
        var p = History.Run(Start, 10, 10, null, null, 5, energyAnswers: 3);
        var asOf = Start.AddDays(20); // invite opened on day 10
        var forecast = Forecast(p, history, asOf);
        Assert.InRange(forecast.MedianOn.DayNumber - Start.DayNumber, 21 + 30, 40 + 30);

        // With water answered and energy silent, energy's 60 days decide: 10 + 60 + 30.
        var waiting = History.Run(Start, 10, 10, null, null, 5, waterAnswers: 3);
        Assert.Equal(Start.AddDays(100), Forecast(waiting, history, asOf).MedianOn);
    }
}
