using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkingGroups.Infrastructure.Engine.Persistence;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>Writes a <see cref="DateTime"/> as UTC (Unspecified is taken to be UTC already) and reads it back as Kind=Utc.</summary>
public sealed class UtcDateTime() : ValueConverter<DateTime, DateTime>(v => EngineModel.AsUtc(v), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>Writes a <see cref="DateTimeOffset"/> at offset zero, the only one PostgreSQL's timestamptz accepts.</summary>
public sealed class UtcDateTimeOffset() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
