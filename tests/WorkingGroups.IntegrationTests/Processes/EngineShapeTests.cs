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
/// Decisions 0014 and 0017: new instances read each step's completion from the record when the request wakes them, and
/// raise no engine events; instances started in the older shapes (one event per step, one event per invited body) are
/// still carried to the end by the same answers and the same completions.
/// </summary>
public sealed class EngineShapeTests : IDisposable
{
    private readonly AppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_new_process_waits_on_the_record_and_is_established_without_a_single_engine_event()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var process = await WalkToInvitations(client, await client.Start("kz-establishment", "2025-09-01"));
        var id = Guid.Parse(ProcessApi.Id(process));
        Assert.Equal("wg3.kz-establishment", await WorkflowIdOf(id));

        process = await client.Accept(process, "invitations", "iwac", "2025-10-20");
        Assert.Equal(["invitations"], process.ActiveSteps());
        process = await client.Complete(process, "invitations", "2025-11-21");
        Assert.Equal(["approve-composition"], process.ActiveSteps());
        process = await client.Complete(process, "approve-composition", "2025-12-29");
        Assert.Equal("established", process.Status());
        Assert.Equal(0, await EventsOf(id, ""));
    }

    [Fact]
    public async Task An_instance_in_the_one_event_per_step_shape_is_carried_on_by_one_event_per_completion()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var process = await WalkToInvitations(client, await OnOlderShape(await client.Start("kz-establishment", "2025-09-01"), EngineShape.StepWaits));
        var id = Guid.Parse(ProcessApi.Id(process));
        process = await client.Accept(process, "invitations", "iwac", "2025-10-20");
        Assert.Equal(0, await EventsOf(id, "invitations")); // an answer that leaves others pending tells the engine nothing

        process = await client.Complete(process, "invitations", "2025-11-21");
        Assert.Equal(["approve-composition"], process.ActiveSteps());
        Assert.Equal(1, await EventsOf(id, "invitations"));
        process = await client.Complete(process, "approve-composition", "2025-12-29");
        Assert.Equal("established", process.Status());
    }

    [Fact]
    public async Task An_instance_in_the_older_per_answer_shape_is_carried_on_by_answers_and_by_the_close()
    {
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var answered = await WalkToInvitations(client, await OnOlderShape(await client.Start("kz-establishment", "2025-09-01"), EngineShape.AnswerWaits));
        answered = await client.Accept(answered, "invitations", "iwac", "2025-10-20");
        Assert.Equal("active", answered.Step("invitations").Status());
        Assert.Equal(1, await EventsOf(Guid.Parse(ProcessApi.Id(answered)), "invitations"));
        string[] others = ["dles-mes", "epd-mes", "cerc-menr", "wmp-menr", "cwr-menr", "dmc-mfa", "wic"];
        foreach (var body in others) answered = await client.Accept(answered, "invitations", body, "2025-10-24");
        Assert.Equal(["approve-composition"], answered.ActiveSteps());

        var closed = await WalkToInvitations(client, await OnOlderShape(await client.Start("kz-establishment", "2025-09-01"), EngineShape.AnswerWaits));
        closed = await client.Accept(closed, "invitations", "iwac", "2025-10-20");
        closed = await client.Complete(closed, "invitations", "2025-11-21");
        Assert.Equal(["approve-composition"], closed.ActiveSteps());
        Assert.Equal(8, await EventsOf(Guid.Parse(ProcessApi.Id(closed)), "invitations")); // one answer, seven closed unanswered
        closed = await client.Complete(closed, "approve-composition", "2025-12-29");
        Assert.Equal("established", closed.Status());
    }

    [Fact]
    public async Task A_completion_that_cannot_take_its_instance_lock_in_time_is_still_recorded_and_carried_on()
    {
        // The request holds the instance's engine lock while it commits (decision 0017); when something else holds it
        // longer than the lock's wait, the request goes on without it, and the engine runs the instance once it is free.
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var process = await client.Start("kz-establishment", "2025-09-01");
        var id = Guid.Parse(ProcessApi.Id(process));
        var locks = _factory.Services.GetRequiredService<IDistributedLockProvider>();
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var instance = await db.Processes.Where(p => p.Id == id).Select(p => p.EngineInstanceId!).SingleAsync();
        Assert.True(await locks.AcquireLock(instance, CancellationToken.None));
        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3)); // longer than the lock's own wait of 2 s
            await locks.ReleaseLock(instance);
        });

        process = await client.Complete(process, "start-procedure", "2025-09-08");
        await release;
        Assert.Equal("done", process.Step("start-procedure").Status());
        Assert.Equal(["draft-order"], process.ActiveSteps());
    }

    [Fact]
    public async Task Steps_completed_the_moment_they_open_leave_no_engine_event_behind()
    {
        // A script completes each step as soon as the answer shows it open: the completion then often reaches the engine
        // while the run that opened the step is still storing the instance, before the step's wait exists. In the event
        // shape the engine's re-check of such events used to re-open some for good; here the wake must not be lost.
        var client = await _factory.ClientFor("Coordinator", "KZ");
        var walks = Enumerable.Range(0, 4).Select(async _ =>
        {
            var process = await client.Start("kz-establishment", "2025-09-01");
            while (process.ActiveSteps() is [var next, ..]) process = await client.Complete(process, next, "2025-10-01");
            Assert.Equal("established", process.Status());
        });
        await Task.WhenAll(walks);

        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Set<PersistedEvent>().CountAsync());
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
    /// Replaces a just started process's instance by one in an older shape, as a process started before decision 0014
    /// (per answer) or 0017 (per step) has: its first join finds the first step open and goes on to wait for it.
    /// </summary>
    private async Task<JsonElement> OnOlderShape(JsonElement process, EngineShape shape)
    {
        var id = Guid.Parse(ProcessApi.Id(process));
        var engine = _factory.Services.GetRequiredService<IWorkflowHost>();
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.Processes.SingleAsync(p => p.Id == id);
        await engine.TerminateWorkflow(stored.EngineInstanceId!);
        stored.EngineInstanceId = await engine.StartWorkflow(EngineEvents.WorkflowId(stored.DefinitionId, shape), stored.DefinitionVersion,
            new ProcessData { ProcessId = id }, id.ToString());
        stored.Version = Guid.NewGuid();
        await db.SaveChangesAsync();
        Assert.Equal(EngineEvents.WorkflowId("kz-establishment", shape), await WorkflowIdOf(id));

        // The new instance has run its first pass once it waits for the first step.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await db.Set<PersistedSubscription>().AnyAsync(s => s.WorkflowId == stored.EngineInstanceId && s.EventName == EngineEvents.StepCompleted))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the {shape} instance never came to wait for its first step");
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

    /// <summary>Engine events raised for the step (all of the process's with ""): one per answer in the oldest shape, one per step in the next.</summary>
    private async Task<int> EventsOf(Guid processId, string stepId)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var key = EngineEvents.StepKey(processId, stepId);
        if (stepId == "") return await db.Set<PersistedEvent>().CountAsync(e => e.EventKey.StartsWith(key));
        return await db.Set<PersistedEvent>().CountAsync(e => e.EventKey == key || e.EventKey.StartsWith(key + "/"));
    }
}
