using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Groups;

/// <summary>A database from before groups were kept: its established processes get their groups at the next start.</summary>
public sealed class GroupBackfillTests
{
    [Fact]
    public async Task An_established_process_without_a_group_founds_it_when_the_app_starts()
    {
        var data = Directory.CreateTempSubdirectory("wg-backfill-").FullName;
        string process;
        using (var first = AppFactory.On(data, keepData: true))
        {
            var client = await first.ClientFor("Coordinator", "KZ");
            var group = await client.EstablishKazakhstan();
            process = group.GetProperty("establishedBy").GetString()!;
            using var scope = first.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Groups.ExecuteDeleteAsync(); // as before groups existed
        }

        using var second = AppFactory.On(data, keepData: false);
        var again = await second.ClientFor("Observer");
        var founded = await again.GroupFoundedBy(process);
        Assert.Equal(8, founded.GetProperty("composition").GetProperty("bodies").GetArrayLength());
        Assert.Equal("2025-12-29", founded.Date("establishedOn"));
        var groups = await (await again.GetAsync("/api/v1/groups")).Json(HttpStatusCode.OK);
        Assert.Single(groups.EnumerateArray()); // founded once, not again by the engine
    }
}
