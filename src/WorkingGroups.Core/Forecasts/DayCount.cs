namespace WorkingGroups.Core.Forecasts;

/// <summary>
/// The forecast's only day arithmetic, in the unit a process is measured in. Calendar days today; a working calendar
/// plugs in here without the simulation knowing.
/// </summary>
public interface IDayCount
{
    /// <summary>Days from one date to another in this unit (negative when <paramref name="to"/> is earlier).</summary>
    int Between(DateOnly from, DateOnly to);

    /// <summary>The date <paramref name="days"/> days of this unit after <paramref name="from"/>.</summary>
    DateOnly Add(DateOnly from, int days);
}

public sealed class CalendarDays : IDayCount
{
    public static readonly CalendarDays Instance = new();

    public int Between(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    public DateOnly Add(DateOnly from, int days) => from.AddDays(days);
}
