using Microsoft.EntityFrameworkCore;

namespace WorkingGroups.Infrastructure.Calendars;

/// <summary>
/// A year an admin added to a country's calendar on the page, layered over the calendar file (which never lists it):
/// its days as the file would write them, and who added it when (the row is the audit: it is never changed).
/// </summary>
public sealed class CalendarYearRecord
{
    public required string Country { get; set; }
    public int Year { get; set; }
    public bool Verified { get; set; }
    public required string Source { get; set; }
    /// <summary>The days, one a line: <c>yyyy-mm-dd off|work name</c>, as the admin entered them.</summary>
    public required string Days { get; set; }
    public DateTime AddedAt { get; set; }
    public required string AddedBy { get; set; }

    internal static void Configure(ModelBuilder builder) => builder.Entity<CalendarYearRecord>(e =>
    {
        e.ToTable("CalendarYears");
        e.HasKey(y => new { y.Country, y.Year });
        e.Property(y => y.Country).HasMaxLength(2);
        e.Property(y => y.Source).HasMaxLength(1000);
        e.Property(y => y.Days).HasMaxLength(20000);
        e.Property(y => y.AddedBy).HasMaxLength(256);
    });
}
