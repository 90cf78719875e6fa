using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>An agency answers through its link at the very moment the coordinator records an answer for it.</summary>
[Collection("Reminders")]
public sealed class AnswerRaceTests
{
    private static readonly string[] Silent = ["dles-mes", "epd-mes", "cerc-menr", "wmp-menr", "cwr-menr", "wic"];

    [Fact]
    public async Task The_link_and_the_coordinator_answering_at_once_record_one_answer_and_refuse_the_other()
    {
        using var app = new ReminderApp(smtp: null);
        var coordinator = await app.ClientAs(ReminderVerbs.Coordinator, "Coordinator", "KZ");
        var process = await coordinator.InvitationsSent(app.Today, Silent);
        var id = Guid.Parse(ProcessApi.Id(process));
        var links = app.Services.GetRequiredService<AnswerLinks>();
        var date = app.Today.ToString("yyyy-MM-dd");

        var winners = new List<string>();
        foreach (var body in Silent)
        {
            Guid version;
            using (var scope = app.Services.CreateScope())
                version = scope.ServiceProvider.GetRequiredService<AppDbContext>().Invitations.Single(i => i.ProcessId == id && i.BodyId == body).Version;
            var post = await app.CreateClient().OpenAnswerForm($"http://localhost/answer/{links.Token(id, "invitations", body, version)}",
                new() { ["Choice"] = "declined", ["Reason"] = "Answered through the link" });

            // Both sent together: the agency's form and the coordinator's API call.
            var (link, api) = (post(), coordinator.PostAsJsonAsync($"/api/v1/processes/{id}/steps/invitations/invitations/{body}",
                new { response = "accepted", respondedOn = date, nominee = new { name = "Named by the coordinator", position = "Head of unit", email = "rep@example.org" } }));
            await Task.WhenAll(link, api);

            var linkWon = (await link).StatusCode == HttpStatusCode.OK;
            var apiWon = (await api).StatusCode == HttpStatusCode.OK;
            Assert.True(linkWon ^ apiWon, $"{body}: link {(int)(await link).StatusCode}, API {(int)(await api).StatusCode}: exactly one may win");
            if (!apiWon) Assert.Equal(HttpStatusCode.Conflict, (await api).StatusCode);
            winners.Add(linkWon ? "link" : "coordinator");

            var now = await (await coordinator.GetAsync($"/api/v1/processes/{id}")).Json(HttpStatusCode.OK);
            var invitation = now.Step("invitations").GetProperty("invitations").EnumerateArray().Single(i => i.GetProperty("bodyId").GetString() == body);
            Assert.Equal(linkWon ? "declined" : "accepted", invitation.Status());
            var audit = await (await coordinator.GetAsync($"/api/v1/processes/{id}/audit")).Json(HttpStatusCode.OK);
            Assert.Single(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "invitation-answered" && a.GetProperty("bodyId").GetString() == body);
        }
        Assert.Equal(Silent.Length, winners.Count);
    }
}
