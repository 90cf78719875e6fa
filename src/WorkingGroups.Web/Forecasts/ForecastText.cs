using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Forecasts;

namespace WorkingGroups.Web.Forecasts;

/// <summary>A forecast as a reader says it.</summary>
internal static class ForecastText
{
    /// <summary>"likely 5 weeks late"; in days under two weeks; "likely within the benchmark" when the median is not after it.</summary>
    public static string Lateness(this IStringLocalizer t, Forecast f) =>
        f.DaysLate <= 0 ? t["Forecast.OnTime"] : f.DaysLate < 14 ? t["Forecast.LateDays", f.DaysLate] : t["Forecast.LateWeeks", f.WeeksLate];
}
