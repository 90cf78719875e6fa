using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// Writes a <see cref="DateTime"/> as UTC (Unspecified is taken to be UTC already: every clock in the app is UTC) and reads
/// it back as Kind=Utc, which SQLite's text dates do not keep on their own and PostgreSQL's timestamptz requires.
/// </summary>
public sealed class UtcDateTime() : ValueConverter<DateTime, DateTime>(v => AsUtc(v), v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    /// <summary>The UTC form of <paramref name="value"/>; an Unspecified kind is taken to be UTC already.</summary>
    public static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}

/// <summary>Writes a <see cref="DateTimeOffset"/> at offset zero, the only one PostgreSQL's timestamptz accepts.</summary>
internal sealed class UtcDateTimeOffset() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
