using System.Net;
using System.Net.Http.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;
using static WorkingGroups.IntegrationTests.Groups.GroupYearApi;

namespace WorkingGroups.IntegrationTests.Groups;

/// <summary>Annual and interim meetings: scheduled ahead, recorded once held (attendance with observers, decisions), minutes from draft to approved.</summary>
public sealed class MeetingTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _factory;

    public MeetingTests(AppFactory factory) => _factory = factory;

    [Fact]
    public async Task A_held_meeting_records_members_and_observers_decisions_and_minutes_until_they_are_approved()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        var meeting = await client.Schedule(group, "annual", "2026-08-20", "https://meet.example.org/wg-2026");
        Assert.Equal("Asia/Almaty", meeting.GetProperty("timeZone").GetString()); // the country's zone unless told otherwise
        Assert.Equal("2026-08-20T05:00:00+00:00", meeting.GetProperty("startUtc").GetString()); // 10:00 in Almaty, UTC+5

        var recorded = await (await client.PostAsJsonAsync(Url(group, $"meetings/{ProcessApi.Id(meeting)}/record"), new
        {
            attendees = new object[]
            {
                new { bodyId = "isc-mes", person = "Chairman of the ISC" },
                new { bodyId = "iwac", person = "Representative of iwac" },
                new { organisation = "UNECE", person = "Secretariat of the Industrial Accidents Convention", observer = true },
                new { organisation = "OSCE", observer = true },
            },
            decisions = new[] { "Adopt the Work Plan 2026", "Hold an interim meeting in spring" },
        })).Json(HttpStatusCode.OK);
        Assert.Equal(4, recorded.GetProperty("attendees").GetArrayLength());
        Assert.True(recorded.GetProperty("held").GetBoolean());

        var draft = await (await client.PostAsJsonAsync(Url(group, $"meetings/{ProcessApi.Id(meeting)}/minutes"),
            new { status = "draft", document = new { title = "Draft minutes", number = "ISC-M-3" } })).Json(HttpStatusCode.OK);
        Assert.Equal("draft", draft.GetProperty("minutes").GetString());
        var early = await (await client.PostAsJsonAsync(Url(group, $"meetings/{ProcessApi.Id(meeting)}/minutes"),
            new { status = "approved", approvedOn = "2026-08-19" })).Json(HttpStatusCode.BadRequest);
        Assert.Contains("before the meeting (2026-08-20)", early.GetProperty("detail").GetString());
        var approved = await (await client.PostAsJsonAsync(Url(group, $"meetings/{ProcessApi.Id(meeting)}/minutes"),
            new { status = "approved", approvedOn = "2026-09-04" })).Json(HttpStatusCode.OK);
        Assert.Equal("2026-09-04", approved.Date("minutesApprovedOn"));
        Assert.Equal("ISC-M-3", approved.GetProperty("minutesDocument").GetProperty("number").GetString());
        var again = await (await client.PostAsJsonAsync(Url(group, $"meetings/{ProcessApi.Id(meeting)}/minutes"),
            new { status = "draft" })).Json(HttpStatusCode.Conflict);
        Assert.Contains("approved on 2026-09-04", again.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_meeting_ahead_is_scheduled_but_nothing_about_it_is_recorded_before_it_happens()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        var ahead = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd");
        var meeting = await client.Schedule(group, "interim", ahead);
        Assert.False(meeting.GetProperty("held").GetBoolean());

        var refused = await (await client.PostAsJsonAsync(Url(group, $"meetings/{ProcessApi.Id(meeting)}/record"),
            new { decisions = new[] { "x" } })).Json(HttpStatusCode.Conflict);
        Assert.Contains("has not taken place yet", refused.GetProperty("detail").GetString());

        var meetings = await (await client.GetAsync(Url(group, "meetings"))).Json(HttpStatusCode.OK);
        Assert.Equal(ahead, Assert.Single(meetings.EnumerateArray()).Date("date"));
    }

    [Fact]
    public async Task Meeting_input_that_breaks_a_rule_is_refused_naming_the_field()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var group = await client.EstablishKazakhstan();
        Task<string> Refused(object body) => client.PostAsJsonAsync(Url(group, "meetings"), body).RefusedFields();

        Assert.Equal("kind", await Refused(new { kind = "weekly", date = "2026-05-01", startsAt = "10:00", place = "Astana" }));
        Assert.Equal("place", await Refused(new { kind = "interim", date = "2026-05-01", startsAt = "10:00" }));
        Assert.Equal("onlineLink", await Refused(new { kind = "interim", date = "2026-05-01", startsAt = "10:00", onlineLink = "javascript:alert(1)" }));
        Assert.Equal("timeZone", await Refused(new { kind = "interim", date = "2026-05-01", startsAt = "10:00", place = "Astana", timeZone = "Mars/Olympus" }));
        Assert.Equal("date", await Refused(new { kind = "annual", date = "2025-06-01", startsAt = "10:00", place = "Astana" }));

        var meeting = await client.Schedule(group, "interim", "2026-04-15");
        var stranger = await (await client.PostAsJsonAsync(Url(group, $"meetings/{ProcessApi.Id(meeting)}/record"),
            new { attendees = new[] { new { bodyId = "wic" } } })).Json(HttpStatusCode.BadRequest); // WIC declined to join
        Assert.Contains("attendees[0].bodyId", stranger.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }
}
