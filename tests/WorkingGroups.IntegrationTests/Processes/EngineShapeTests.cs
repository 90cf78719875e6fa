using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkingGroups.Infrastructure.Engine;
using WorkingGroups.Infrastructure.Engine.Persistence;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Processes;

/// <summary>
/// Decision 0014: new instances wait for one event per step; an instance started before it, which waits for one event
/// per invited body, is still carried to the end by the same answers and the same close.
/// </summary>
public sealed class EngineShapeTests : IDisposable
{
    private readonly AppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_new_process_runs_in_the_one_event_per_step_shape_and_closing_its_invitations_raises_one_event()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var process = await WalkToInvitations(client, await client.Start("kz-establishment", "2025-09-01"));
        var id = Guid.Parse(ProcessApi.Id(process));
        Assert.Equal("wg2.kz-establishment", await WorkflowIdOf(id));

        process = await client.Accept(process, "invitations", "iwac", "2025-10-20");
        Assert.Equal(0, await EventsOf(id, "invitations")); // an answer that leaves others pending tells the engine nothing

        process = await client.Complete(process, "invitations", "2025-11-21");
        Assert.Equal(["approve-composition"], process.ActiveSteps());
        Assert.Equal(1, await EventsOf(id, "invitations"));
    }

    [Fact]
    public async Task An_instance_in_the_older_per_answer_shape_is_carried_on_by_answers_and_by_the_close()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var answered = await WalkToInvitations(client, await OnOlderShape(await client.Start("kz-establishment", "2025-09-01")));
        answered = await client.Accept(answered, "invitations", "iwac", "2025-10-20");
        Assert.Equal("active", answered.Step("invitations").Status());
        Assert.Equal(1, await EventsOf(Guid.Parse(ProcessApi.Id(answered)), "invitations"));
        string[] others = ["dles-mes", "epd-mes", "cerc-menr", "wmp-menr", "cwr-menr", "dmc-mfa", "wic"];
        foreach (var body in others) answered = await client.Accept(answered, "invitations", body, "2025-10-24");
        Assert.Equal(["approve-composition"], answered.ActiveSteps());

        var closed = await WalkToInvitations(client, await OnOlderShape(await client.Start("kz-establishment", "2025-09-01")));
        closed = await client.Accept(closed, "invitations", "iwac", "2025-10-20");
        closed = await client.Complete(closed, "invitations", "2025-11-21");
        Assert.Equal(["approve-composition"], closed.ActiveSteps());
        Assert.Equal(8, await EventsOf(Guid.Parse(ProcessApi.Id(closed)), "invitations")); // one answer, seven closed unanswered
        closed = await client.Complete(closed, "approve-composition", "2025-12-29");
        Assert.Equal("established", closed.Status());
    }

    [Fact]
    public async Task Steps_completed_the_moment_they_open_leave_no_engine_event_behind()
    {
        // A script completes each step as soon as the answer shows it open: the step's event then often reaches the
        // engine before the step's wait does, and the engine's re-check of such events used to re-open some for good.
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var walks = Enumerable.Range(0, 4).Select(async _ =>
        {
            var process = await client.Start("kz-establishment", "2025-09-01");
            while (process.ActiveSteps() is [var next, ..]) process = await client.Complete(process, next, "2025-10-01");
            Assert.Equal("established", process.Status());
        });
        await Task.WhenAll(walks);

        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(20, await db.Set<PersistedEvent>().CountAsync());
        var deadline = DateTime.UtcNow.AddSeconds(5); // the last events are marked after the answers that they opened
        while (await db.Set<PersistedEvent>().CountAsync(e => !e.IsProcessed) is var open and > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{open} engine event(s) left unprocessed after every process was established");
            await Task.Delay(100);
        }
    }

    private static async Task<JsonElement> WalkToInvitations(HttpClient client, JsonElement process)
    {
        process = await client.Complete(process, "start-procedure", "2025-09-08");
        process = await client.Complete(process, "draft-order", "2025-09-29");
        process = await client.Complete(process, "letter-to-minister", "2025-10-13");
        Assert.Equal(["invitations"], process.ActiveSteps());
        return process;
    }

    /// <summary>
    /// Replaces a just started process's instance by one in the per-answer shape, as a process started before decision
    /// 0014 has: its first join finds the first step open and goes on to wait for it.
    /// </summary>
    private async Task<JsonElement> OnOlderShape(JsonElement process)
    {
        var id = Guid.Parse(ProcessApi.Id(process));
        var engine = _factory.Services.GetRequiredService<IWorkflowHost>();
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.Processes.SingleAsync(p => p.Id == id);
        await engine.TerminateWorkflow(stored.EngineInstanceId!);
        stored.EngineInstanceId = await engine.StartWorkflow(EngineEvents.WorkflowId(stored.DefinitionId, EngineShape.AnswerWaits), stored.DefinitionVersion,
            new ProcessData { ProcessId = id }, id.ToString());
        stored.Version = Guid.NewGuid();
        await db.SaveChangesAsync();
        Assert.Equal("wg.kz-establishment", await WorkflowIdOf(id));

        // The new instance has run its first pass once it waits for the first step.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await db.Set<PersistedSubscription>().AnyAsync(s => s.WorkflowId == stored.EngineInstanceId && s.EventName == EngineEvents.StepCompleted))
        {
            Assert.True(DateTime.UtcNow < deadline, "the per-answer instance never came to wait for its first step");
            await Task.Delay(50);
        }
        var client = await _factory.ClientFor("Coordinator", "KZ");
        return await (await client.GetAsync($"/api/v1/processes/{id}")).Json(HttpStatusCode.OK);
    }

    private async Task<string> WorkflowIdOf(Guid processId)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var instance = await db.Processes.Where(p => p.Id == processId).Select(p => p.EngineInstanceId).SingleAsync();
        return await db.Set<PersistedWorkflow>().Where(w => w.Id == instance).Select(w => w.WorkflowDefinitionId).SingleAsync();
    }

    /// <summary>Engine events raised for the step: one per answer in the older shape, one per step in the current one.</summary>
    private async Task<int> EventsOf(Guid processId, string stepId)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var key = EngineEvents.StepKey(processId, stepId);
        return await db.Set<PersistedEvent>().CountAsync(e => e.EventKey == key || e.EventKey.StartsWith(key + "/"));
    }
}
