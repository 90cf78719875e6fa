using WorkingGroups.Core.Dashboards;

namespace WorkingGroups.UnitTests.Dashboards;

public sealed class StatisticsTests
{
    [Fact]
    public void Median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_mean_of_the_two_middle_ones()
    {
        Assert.Equal(21, Statistics.Median([30, 14, 21]));
        Assert.Equal(17.5, Statistics.Median([14, 21, 30, 3]));
    }

    [Fact]
    public void The_90th_percentile_interpolates_between_ranks_as_a_spreadsheet_does()
    {
        // PERCENTILE.INC({10,20,30,40,50}, 0.9) = 46
        Assert.Equal(46, Statistics.Percentile([50, 10, 40, 20, 30], 90));
        Assert.Equal(7, Statistics.Percentile([7], 90));
        Assert.Equal(50, Statistics.Percentile([10, 50], 100));
        Assert.Equal(10, Statistics.Percentile([10, 50], 0));
    }

    [Fact]
    public void No_values_have_no_statistics()
    {
        Assert.Null(Statistics.Median([]));
        Assert.Null(Statistics.Percentile([], 90));
    }

    [Fact]
    public void A_percentile_outside_0_to_100_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Statistics.Percentile([1], 101));
    }
}
