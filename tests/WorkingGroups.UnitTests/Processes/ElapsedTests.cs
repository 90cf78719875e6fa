using WorkingGroups.Core.Processes;

namespace WorkingGroups.UnitTests.Processes;

/// <summary>Elapsed days are calendar days between business dates; the state compares them with a benchmark.</summary>
public sealed class ElapsedTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    [Theory]
    [InlineData("2025-03-10", "2025-03-10", 0)]   // same day
    [InlineData("2025-03-10", "2025-03-11", 1)]
    [InlineData("2025-01-31", "2025-02-01", 1)]   // month end
    [InlineData("2025-01-31", "2025-02-28", 28)]
    [InlineData("2025-04-30", "2025-05-31", 31)]
    [InlineData("2025-12-31", "2026-01-01", 1)]   // year end
    [InlineData("2025-09-01", "2025-12-29", 119)] // the Kazakhstan walk: about four months
    public void Days_counts_calendar_days_across_month_and_year_ends(string from, string to, int days) =>
        Assert.Equal(days, Elapsed.Days(D(from), D(to)));

    [Theory]
    [InlineData("2024-02-28", "2024-03-01", 2)]   // 2024 is a leap year: 29 February exists
    [InlineData("2024-02-29", "2024-03-01", 1)]
    [InlineData("2024-02-29", "2025-02-28", 365)]
    [InlineData("2024-01-01", "2025-01-01", 366)]
    [InlineData("2023-02-28", "2023-03-01", 1)]   // 2023 is not
    [InlineData("2100-02-28", "2100-03-01", 1)]   // divisible by 100 and not by 400: not a leap year
    [InlineData("2000-02-28", "2000-03-01", 2)]   // divisible by 400: a leap year
    public void Days_knows_the_leap_years(string from, string to, int days) =>
        Assert.Equal(days, Elapsed.Days(D(from), D(to)));

    [Fact]
    public void Running_time_counts_to_today_and_finished_time_to_its_end()
    {
        var today = D("2024-03-01");
        Assert.Equal(3, Elapsed.Days(D("2024-02-27"), null, today));
        Assert.Equal(2, Elapsed.Days(D("2024-02-27"), D("2024-02-29"), today));
    }

    [Theory]
    // Benchmark 30: 80 % is exactly 24 days. At 24 it is still on track; from 25 at risk; at 30 still at risk; from 31 overdue.
    [InlineData(0, 30, BenchmarkState.OnTrack)]
    [InlineData(24, 30, BenchmarkState.OnTrack)]
    [InlineData(25, 30, BenchmarkState.AtRisk)]
    [InlineData(30, 30, BenchmarkState.AtRisk)]
    [InlineData(31, 30, BenchmarkState.Overdue)]
    // Benchmark 14: 80 % is 11.2 days, so day 11 is on track and day 12 at risk.
    [InlineData(11, 14, BenchmarkState.OnTrack)]
    [InlineData(12, 14, BenchmarkState.AtRisk)]
    [InlineData(14, 14, BenchmarkState.AtRisk)]
    [InlineData(15, 14, BenchmarkState.Overdue)]
    // The two country benchmarks: 120 days (96 = 80 %) and 90 days (72 = 80 %).
    [InlineData(96, 120, BenchmarkState.OnTrack)]
    [InlineData(97, 120, BenchmarkState.AtRisk)]
    [InlineData(120, 120, BenchmarkState.AtRisk)]
    [InlineData(121, 120, BenchmarkState.Overdue)]
    [InlineData(72, 90, BenchmarkState.OnTrack)]
    [InlineData(73, 90, BenchmarkState.AtRisk)]
    [InlineData(91, 90, BenchmarkState.Overdue)]
    public void State_is_at_risk_past_80_percent_and_overdue_past_the_benchmark(int elapsed, int benchmark, BenchmarkState expected) =>
        Assert.Equal(expected, Elapsed.State(elapsed, benchmark, running: true));

    [Fact]
    public void Exactly_80_percent_is_on_track_for_every_benchmark_that_has_a_whole_80_percent()
    {
        // Floating-point 0.8 must not push an exact 80 % over the line for any realistic benchmark.
        for (var benchmark = 5; benchmark <= 1000; benchmark += 5)
        {
            var share = benchmark * 4 / 5;
            Assert.True(Elapsed.State(share, benchmark, running: true) == BenchmarkState.OnTrack, $"{share} of {benchmark} days");
            Assert.True(Elapsed.State(share + 1, benchmark, running: true) == BenchmarkState.AtRisk, $"{share + 1} of {benchmark} days");
        }
    }

    [Theory]
    [InlineData(119, 120, BenchmarkState.OnTrack)]
    [InlineData(120, 120, BenchmarkState.OnTrack)]
    [InlineData(121, 120, BenchmarkState.Overdue)]
    public void What_finished_within_its_benchmark_was_on_time_however_close_it_came(int elapsed, int benchmark, BenchmarkState expected) =>
        Assert.Equal(expected, Elapsed.State(elapsed, benchmark, running: false));
}
