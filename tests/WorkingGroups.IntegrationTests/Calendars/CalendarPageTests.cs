using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Calendars;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Pages;
using WorkingGroups.IntegrationTests.Postgres;

namespace WorkingGroups.IntegrationTests.Calendars;

/// <summary>The admin page that keeps the calendars: admins only, antiforgery, refusals by line, and a year that lasts.</summary>
public abstract class CalendarPageContract
{
    /// <summary>A host on this test's store; the <paramref name="last"/> one removes the store when it is disposed.</summary>
    protected abstract AppFactory Host(bool last);

    private const string Days2028 = "2028-01-01 off New Year\n2028-01-02 off New Year\n2028-01-03 off New Year moved off Saturday\n2028-01-04 off New Year moved off Sunday\n2028-03-04 work Working Saturday (decree)";

    [SkippableFact]
    public async Task An_admin_adds_next_year_to_a_country_s_calendar_and_it_counts_after_a_restart()
    {
        using (var first = Host(last: false))
        {
            var coordinator = await PageSession.SignedIn(first, "Coordinator", "KZ");
            await coordinator.Get("/admin/calendars");
            Assert.Equal("/account/denied", coordinator.Location?.AbsolutePath);

            var admin = await PageSession.SignedIn(first, "Admin");
            await admin.Get("/admin/calendars");
            Assert.Equal(HttpStatusCode.OK, admin.Status);
            Assert.Contains("id=\"year-KZ-2027\"", admin.Html);
            Assert.DoesNotContain("id=\"year-KZ-2028\"", admin.Html);

            var form = new Dictionary<string, string> { ["Country"] = "KZ", ["Year"] = "2028", ["Source"] = "Government decree on days off in 2028", ["Verified"] = "true" };
            await admin.Post("/admin/calendars?handler=Add", new(form) { ["Days"] = Days2028 }, withToken: false);
            Assert.Equal(HttpStatusCode.BadRequest, admin.Status); // no antiforgery token

            await admin.Get("/admin/calendars");
            await admin.Post("/admin/calendars?handler=Add", new(form) { ["Days"] = "2028-01-01 off New Year\n2028-02-30 off nothing\n2028-03-08 work a Wednesday" });
            Assert.Equal(HttpStatusCode.BadRequest, admin.Status);
            Assert.Contains("Line 2: 2028-02-30 is not a date (yyyy-mm-dd).", WebUtility.HtmlDecode(admin.Html));
            Assert.Contains("Line 3: 2028-03-08 is a weekday", WebUtility.HtmlDecode(admin.Html));
            Assert.DoesNotContain("id=\"year-KZ-2028\"", admin.Html);

            await admin.Post("/admin/calendars?handler=Add", new(form) { ["Year"] = "2026", ["Days"] = Days2028.Replace("2028", "2026") });
            Assert.Contains("2026 is already in this country&#x27;s calendar.", admin.Html);

            await admin.Post("/admin/calendars?handler=Add", new(form) { ["Days"] = Days2028 });
            Assert.Equal(HttpStatusCode.OK, admin.Status);
            Assert.Contains("2028 was added to the calendar of Kazakhstan.", admin.Html);
            Assert.Contains("id=\"year-KZ-2028\"", admin.Html);
            Assert.False(first.Services.GetRequiredService<WorkingCalendars>().For("KZ")!.IsWorkingDay(new DateOnly(2028, 1, 3)));
        }

        using var second = Host(last: true);
        var again = await PageSession.SignedIn(second, "Admin", language: "ru");
        await again.Get("/admin/calendars");
        Assert.Contains("id=\"year-KZ-2028\"", again.Html);
        Assert.Contains("добавлено: ", again.Html);
        var kz = second.Services.GetRequiredService<WorkingCalendars>().For("KZ")!;
        Assert.Equal((false, true), (kz.IsWorkingDay(new DateOnly(2028, 1, 4)), kz.IsWorkingDay(new DateOnly(2028, 3, 4))));
    }
}

public sealed class CalendarPageTests : CalendarPageContract
{
    private readonly string _data = Directory.CreateTempSubdirectory("wg-calendars-").FullName;

    protected override AppFactory Host(bool last) => AppFactory.On(_data, keepData: !last);
}

public sealed class PostgresCalendarPageTests : CalendarPageContract, IDisposable
{
    private readonly PostgresDatabases _databases = new();
    private string? _database;

    protected override AppFactory Host(bool last) => PostgresAppFactory.On(_database ??= _databases.Create());

    public void Dispose() => _databases.Dispose();
}
