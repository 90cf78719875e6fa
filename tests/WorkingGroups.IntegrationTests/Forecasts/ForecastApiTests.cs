using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Forecasts;

/// <summary>The forecast in the API: on a running process, in the list, on the portfolio as of a past date, and in the attention list.</summary>
public sealed class ForecastApiTests : AppFactory
{
    private static DateOnly D(JsonElement e, string name) => DateOnly.Parse(e.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_running_process_carries_its_forecast_as_of_today_or_a_past_date_and_a_cancelled_one_none()
    {
        var client = await this.ClientFor("Coordinator", "KZ");
        var running = await client.Start("kz-establishment", "2025-09-01", "Running");
        await client.Complete(running, "start-procedure", "2025-09-05");
        var cancelled = await client.Start("kz-establishment", "2025-09-01", "Cancelled");
        (await client.PostAsJsonAsync($"/api/v1/processes/{ProcessApi.Id(cancelled)}/cancel", new { cancelledOn = "2025-09-10", reason = "Merged" }))
            .EnsureSuccessStatusCode();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var one = await (await client.GetAsync($"/api/v1/processes/{ProcessApi.Id(running)}")).Json(HttpStatusCode.OK);
        var forecast = one.GetProperty("forecast");
        Assert.Equal(today, D(forecast, "asOf"));
        Assert.True(D(forecast, "medianOn") >= today && D(forecast, "likelyBy") >= D(forecast, "medianOn"), forecast.ToString());
        Assert.Equal(new DateOnly(2025, 12, 30), D(forecast, "benchmarkOn")); // 120 days from the start
        Assert.Equal(D(forecast, "medianOn").DayNumber - new DateOnly(2025, 12, 30).DayNumber, forecast.GetProperty("daysLate").GetInt32());
        Assert.True(forecast.GetProperty("thinHistory").GetBoolean()); // nothing else has finished here: the benchmarks decide
        Assert.True(forecast.GetProperty("runs").GetInt32() > 0);
        // Asked again: the same data gives the same dates.
        var again = await (await client.GetAsync($"/api/v1/processes/{ProcessApi.Id(running)}")).Json(HttpStatusCode.OK);
        Assert.Equal(forecast.ToString(), again.GetProperty("forecast").ToString());

        var list = await (await client.GetAsync("/api/v1/processes?country=KZ")).Json(HttpStatusCode.OK);
        Assert.Equal(forecast.ToString(), list.EnumerateArray().Single(p => p.GetProperty("title").GetString() == "Running").GetProperty("forecast").ToString());
        Assert.Equal(JsonValueKind.Null, list.EnumerateArray().Single(p => p.GetProperty("title").GetString() == "Cancelled").GetProperty("forecast").ValueKind);

        // As of 3 September 2025 the first step was still open, and the cancelled process still running.
        var portfolio = await (await client.GetAsync("/api/v1/dashboards/portfolio?asOf=2025-09-03&country=KZ")).Json(HttpStatusCode.OK);
        var rows = portfolio.GetProperty("processes").EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Equal(new DateOnly(2025, 9, 3), D(r.GetProperty("forecast"), "asOf")));
        var then = rows.Single(r => r.GetProperty("title").GetString() == "Running").GetProperty("forecast");
        Assert.True(D(then, "medianOn") > new DateOnly(2025, 9, 3));
        Assert.True(D(then, "medianOn") < today, "as of then, the benchmarks put the end months ago, not after today");

        // Today it is long past its benchmark: the attention list says how late it is likely to be.
        var attention = await (await client.GetAsync("/api/v1/attention")).Json(HttpStatusCode.OK);
        var late = attention.GetProperty("likelyLate").EnumerateArray().Single();
        Assert.Equal(ProcessApi.Id(running), late.GetProperty("processId").GetString());
        Assert.True(late.GetProperty("forecast").GetProperty("weeksLate").GetInt32() > 40);
    }
}
