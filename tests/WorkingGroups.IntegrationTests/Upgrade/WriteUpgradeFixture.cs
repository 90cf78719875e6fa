using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkingGroups.Infrastructure.Engine;
using WorkingGroups.Infrastructure.Engine.Persistence;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.IntegrationTests.Groups;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Upgrade;

/// <summary>
/// Writes Upgrade/engine-v3.db with the code of the WorkflowCore era (run once with WG_WRITE_UPGRADE_FIXTURE=1): processes
/// at every stage, in every engine shape, an amendment, a cancelled one, and one whose completion was recorded while
/// the engine was down. The upgrade test reads it with the code that replaced the engine.
/// </summary>
public sealed class WriteUpgradeFixture
{
    [Fact]
    public async Task Write()
    {
        if (Environment.GetEnvironmentVariable("WG_WRITE_UPGRADE_FIXTURE") != "1") return;
        var folder = Directory.CreateTempSubdirectory("wg-fixture-").FullName;
        using (var host = AppFactory.On(folder, keepData: true))
        {
            var kz = await host.ClientFor("Coordinator", "KZ");
            var tj = await host.ClientFor("Coordinator", "TJ");

            await kz.Start("kz-establishment", "2026-10-01", "Fixture: KZ just started");

            var p = await kz.Start("kz-establishment", "2026-06-01", "Fixture: KZ invitations half answered");
            p = await WalkToInvitations(kz, p);
            p = await kz.Accept(p, "invitations", "iwac", "2026-07-20");
            p = await (await kz.TryAnswer(p, "invitations", "wic", new { response = "declined", respondedOn = "2026-07-21", reason = "No capacity" })).Json(HttpStatusCode.OK);

            p = await OnOlderShape(host, await kz.Start("kz-establishment", "2026-06-01", "Fixture: KZ per-step shape"), EngineShape.StepWaits);
            p = await WalkToInvitations(kz, p);
            p = await kz.Accept(p, "invitations", "iwac", "2026-07-20");

            p = await OnOlderShape(host, await kz.Start("kz-establishment", "2026-06-01", "Fixture: KZ per-answer shape"), EngineShape.AnswerWaits);
            p = await WalkToInvitations(kz, p);
            p = await kz.Accept(p, "invitations", "iwac", "2026-07-20");

            p = await tj.Start("tj-establishment", "2026-05-04", "Fixture: TJ parallel steps");
            p = await tj.Complete(p, "unece-letter", "2026-05-14");
            p = await tj.Complete(p, "mfa-transmittal", "2026-05-26");

            p = await tj.Start("tj-establishment", "2026-01-12", "Fixture: TJ established");
            p = await tj.Complete(p, "unece-letter", "2026-01-20");
            p = await tj.Complete(p, "mfa-transmittal", "2026-02-02");
            p = await tj.Complete(p, "start-procedure", "2026-02-03");
            p = await tj.Complete(p, "request-to-government", "2026-02-20");
            p = await tj.Complete(p, "approve-composition", "2026-04-10", "Decree 155");
            Assert.Equal("established", p.Status());

            var group = await kz.EstablishKazakhstan("2025-09-01");
            var amendment = (await (await kz.PostAsJsonAsync(GroupYearApi.Url(group, "amendments"),
                new { definitionId = "kz-amendment", startedOn = "2026-02-02", withdraw = new[] { "dmc-mfa" } })).Json(HttpStatusCode.Created)).GetProperty("process");
            amendment = await kz.Complete(amendment, "proposal", "2026-02-10", "ISC-02/118");
            amendment = await kz.Accept(amendment, "invitations", "sanepid-moh", "2026-02-24");

            p = await kz.Start("kz-establishment", "2026-03-02", "Fixture: KZ cancelled");
            p = await kz.Complete(p, "start-procedure", "2026-03-09");
            await (await kz.PostAsJsonAsync($"/api/v1/processes/{ProcessApi.Id(p)}/cancel", new { cancelledOn = "2026-03-20", reason = "Merged into the national one" }))
                .Json(HttpStatusCode.OK);
        }

        using (var host = AppFactory.On(folder, keepData: true).With("Engine:SettleTimeoutMs", "300"))
        {
            var tj = await host.ClientFor("Coordinator", "TJ");
            var p = await tj.Start("tj-establishment", "2026-08-03", "Fixture: TJ completed while the engine was down");
            await host.Services.GetRequiredService<EngineHost>().StopAsync(CancellationToken.None);
            p = await tj.Complete(p, "unece-letter", "2026-08-14");
            Assert.Equal(["start-procedure"], p.ActiveSteps()); // mfa-transmittal not opened: the engine never ran
        }

        SqliteConnection.ClearAllPools();
        var target = Path.Combine(AppProcess.RepositoryRoot(), "tests", "WorkingGroups.IntegrationTests", "Upgrade", "engine-v3.db");
        File.Delete(target);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "workinggroups.db")}"))
        {
            await connection.OpenAsync();
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = $"VACUUM INTO '{target}'";
            await vacuum.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<JsonElement> WalkToInvitations(HttpClient client, JsonElement process)
    {
        process = await client.Complete(process, "start-procedure", "2026-06-08");
        process = await client.Complete(process, "draft-order", "2026-06-29", "ISC-17/2026");
        process = await client.Complete(process, "letter-to-minister", "2026-07-13");
        Assert.Equal(["invitations"], process.ActiveSteps());
        return process;
    }

    private static async Task<JsonElement> OnOlderShape(AppFactory host, JsonElement process, EngineShape shape)
    {
        var id = Guid.Parse(ProcessApi.Id(process));
        var engine = host.Services.GetRequiredService<IWorkflowHost>();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.Processes.SingleAsync(p => p.Id == id);
        await engine.TerminateWorkflow(stored.EngineInstanceId!);
        stored.EngineInstanceId = await engine.StartWorkflow(EngineEvents.WorkflowId(stored.DefinitionId, shape), stored.DefinitionVersion,
            new ProcessData { ProcessId = id }, id.ToString());
        stored.Version = Guid.NewGuid();
        await db.SaveChangesAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await db.Set<PersistedSubscription>().AnyAsync(s => s.WorkflowId == stored.EngineInstanceId && s.EventName == EngineEvents.StepCompleted))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the {shape} instance never came to wait for its first step");
            await Task.Delay(50);
        }
        var client = await host.ClientFor("Coordinator", "KZ");
        return await (await client.GetAsync($"/api/v1/processes/{id}")).Json(HttpStatusCode.OK);
    }
}
