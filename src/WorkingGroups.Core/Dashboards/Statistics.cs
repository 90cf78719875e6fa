namespace WorkingGroups.Core.Dashboards;

/// <summary>Duration statistics over whole days.</summary>
internal static class Statistics
{
    /// <summary>The p-th percentile (0..100) by linear interpolation between closest ranks (as a spreadsheet's PERCENTILE.INC).</summary>
    public static double? Percentile(IReadOnlyCollection<int> values, double p)
    {
        if (values.Count == 0) return null;
        if (p is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(p), p, "a percentile is between 0 and 100");
        var sorted = values.Order().ToArray();
        var rank = p / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }

    public static double? Median(IReadOnlyCollection<int> values) => Percentile(values, 50);
}
