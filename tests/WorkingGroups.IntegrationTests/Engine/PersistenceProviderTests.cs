using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WorkflowCore.Models;
using WorkingGroups.Infrastructure.Engine.Persistence;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.IntegrationTests.Engine;

/// <summary>
/// Contract tests of the WorkflowCore persistence provider against a real SQLite file (a fresh one per test).
/// The schema comes from EnsureCreated here only: the app itself uses migrations.
/// </summary>
public sealed class PersistenceProviderTests : IDisposable
{
    private static readonly DateTime T0 = new(2025, 3, 14, 9, 26, 53, DateTimeKind.Utc);

    private readonly string _folder;
    private readonly DbContextOptions<AppDbContext> _options;
    private readonly EfPersistenceProvider _provider;

    public PersistenceProviderTests()
    {
        _folder = Path.Combine(Path.GetTempPath(), "wg-engine-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _options = Options(Path.Combine(_folder, "engine.db"));
        using (var db = new AppDbContext(_options))
        {
            db.Database.EnsureCreated();
        }
        _provider = new EfPersistenceProvider(new Factory(_options));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // ------------------------------------------------------------------ workflows

    [Fact]
    public async Task CreateNewWorkflow_assigns_an_id_and_GetWorkflowInstance_round_trips_every_field()
    {
        var workflow = NewWorkflow(data: new SampleData { Title = "Budget review", Members = ["ana", "ben"], Count = 3, Deadline = T0.AddDays(7) });
        workflow.Description = "A working group";
        workflow.Reference = "process-42";
        workflow.Version = 4;
        workflow.NextExecution = T0.Ticks;
        workflow.CompleteTime = T0.AddHours(2);
        workflow.ExecutionPointers.Add(FullPointer("p1"));
        workflow.ExecutionPointers.Add(new ExecutionPointer { Id = "p2", StepId = 5, PredecessorId = "p1", Status = PointerStatus.PendingPredecessor });

        var id = await _provider.CreateNewWorkflow(workflow);

        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(id, workflow.Id);
        Assert.True(Guid.TryParse(id, out _));

        var loaded = await _provider.GetWorkflowInstance(id);
        Assert.NotSame(workflow, loaded);
        Assert.Equal(id, loaded.Id);
        Assert.Equal("wg-definition", loaded.WorkflowDefinitionId);
        Assert.Equal(4, loaded.Version);
        Assert.Equal("A working group", loaded.Description);
        Assert.Equal("process-42", loaded.Reference);
        Assert.Equal(T0.Ticks, loaded.NextExecution);
        Assert.Equal(WorkflowStatus.Runnable, loaded.Status);
        Assert.Equal(T0, loaded.CreateTime);
        Assert.Equal(DateTimeKind.Utc, loaded.CreateTime.Kind);
        Assert.Equal(T0.AddHours(2), loaded.CompleteTime);
        Assert.Equal(DateTimeKind.Utc, loaded.CompleteTime!.Value.Kind);

        var data = Assert.IsType<SampleData>(loaded.Data);
        Assert.Equal("Budget review", data.Title);
        Assert.Equal(["ana", "ben"], data.Members); // replaced, not appended to the initializer's list
        Assert.Equal(3, data.Count);
        Assert.Equal(T0.AddDays(7), data.Deadline);
        Assert.Equal(DateTimeKind.Utc, data.Deadline.Kind);

        Assert.Equal(2, loaded.ExecutionPointers.Count);
        AssertFullPointer(loaded.ExecutionPointers.FindById("p1"));
        var second = loaded.ExecutionPointers.FindById("p2");
        Assert.Equal(5, second.StepId);
        Assert.Equal("p1", second.PredecessorId);
        Assert.Equal(PointerStatus.PendingPredecessor, second.Status);
        Assert.Null(second.EventData);
        Assert.Empty(second.ExtensionAttributes);
        Assert.Empty(second.Children);
    }

    [Fact]
    public async Task CreateNewWorkflow_keeps_an_id_chosen_by_the_caller()
    {
        var workflow = NewWorkflow();
        workflow.Id = "chosen-id";

        Assert.Equal("chosen-id", await _provider.CreateNewWorkflow(workflow));
        Assert.Equal("chosen-id", (await _provider.GetWorkflowInstance("chosen-id")).Id);
    }

    [Fact]
    public async Task Data_null_round_trips_as_null()
    {
        var id = await _provider.CreateNewWorkflow(NewWorkflow(data: null));

        Assert.Null((await _provider.GetWorkflowInstance(id)).Data);
    }

    [Fact]
    public async Task PersistWorkflow_writes_status_times_data_and_the_whole_pointer_list()
    {
        var id = await _provider.CreateNewWorkflow(NewWorkflow(data: new SampleData { Title = "before" }));
        var workflow = await _provider.GetWorkflowInstance(id);

        workflow.Status = WorkflowStatus.Complete;
        workflow.CompleteTime = T0.AddMinutes(30);
        workflow.NextExecution = null;
        ((SampleData)workflow.Data).Title = "after";
        workflow.ExecutionPointers.Add(FullPointer("p9"));
        await _provider.PersistWorkflow(workflow);

        var loaded = await _provider.GetWorkflowInstance(id);
        Assert.Equal(WorkflowStatus.Complete, loaded.Status);
        Assert.Equal(T0.AddMinutes(30), loaded.CompleteTime);
        Assert.Null(loaded.NextExecution);
        Assert.Equal("after", Assert.IsType<SampleData>(loaded.Data).Title);
        AssertFullPointer(Assert.Single(loaded.ExecutionPointers));

        // The pointer list is replaced, not merged: removing a pointer sticks.
        loaded.ExecutionPointers.Clear();
        await _provider.PersistWorkflow(loaded);
        Assert.Empty((await _provider.GetWorkflowInstance(id)).ExecutionPointers);
    }

    [Fact]
    public async Task PersistWorkflow_with_subscriptions_creates_them_and_gives_them_ids()
    {
        var id = await _provider.CreateNewWorkflow(NewWorkflow());
        var workflow = await _provider.GetWorkflowInstance(id);
        var subscription = NewSubscription(id, "invite-answered", "k1", T0);
        workflow.NextExecution = null;

        await _provider.PersistWorkflow(workflow, [subscription]);

        Assert.False(string.IsNullOrEmpty(subscription.Id));
        var stored = await _provider.GetSubscription(subscription.Id);
        Assert.NotNull(stored);
        Assert.Equal(id, stored.WorkflowId);
        Assert.Null((await _provider.GetWorkflowInstance(id)).NextExecution);
    }

    [Fact]
    public async Task PersistWorkflow_accepts_null_subscriptions_as_WorkflowCore_passes_them()
    {
        var id = await _provider.CreateNewWorkflow(NewWorkflow());
        var workflow = await _provider.GetWorkflowInstance(id);
        workflow.Reference = "updated";

        await _provider.PersistWorkflow(workflow, null!);

        Assert.Equal("updated", (await _provider.GetWorkflowInstance(id)).Reference);
    }

    [Fact]
    public async Task PersistWorkflow_rolls_back_the_instance_when_a_subscription_cannot_be_written()
    {
        var id = await _provider.CreateNewWorkflow(NewWorkflow());
        var existing = NewSubscription(id, "e", "k", T0);
        await _provider.CreateEventSubscription(existing);

        var workflow = await _provider.GetWorkflowInstance(id);
        workflow.Reference = "must not stick";
        var clash = NewSubscription(id, "e", "k", T0);
        clash.Id = existing.Id; // same key: the insert fails

        await Assert.ThrowsAsync<DbUpdateException>(() => _provider.PersistWorkflow(workflow, [clash]));
        Assert.Null((await _provider.GetWorkflowInstance(id)).Reference);
    }

    [Fact]
    public async Task PersistWorkflow_of_a_stale_copy_fails_instead_of_overwriting_a_newer_write()
    {
        var id = await _provider.CreateNewWorkflow(NewWorkflow());
        var first = await _provider.GetWorkflowInstance(id);
        var stale = await _provider.GetWorkflowInstance(id);

        first.Reference = "first";
        await _provider.PersistWorkflow(first);
        stale.Reference = "stale";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => _provider.PersistWorkflow(stale));
        Assert.Equal("first", (await _provider.GetWorkflowInstance(id)).Reference);

        // The object that wrote last may write again, as WorkflowCore's runners do.
        first.Reference = "first again";
        await _provider.PersistWorkflow(first);
        Assert.Equal("first again", (await _provider.GetWorkflowInstance(id)).Reference);
    }

    [Fact]
    public async Task Every_write_replaces_the_concurrency_token()
    {
        var created = NewWorkflow();
        var id = await _provider.CreateNewWorkflow(created);
        var afterCreate = await TokenOf(id);
        await _provider.PersistWorkflow(created);
        var afterPersist = await TokenOf(id);

        Assert.NotEqual(Guid.Empty, afterCreate);
        Assert.NotEqual(afterCreate, afterPersist);
    }

    [Fact]
    public async Task PersistWorkflow_of_an_unknown_instance_throws()
    {
        var workflow = NewWorkflow();
        workflow.Id = Guid.NewGuid().ToString();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _provider.PersistWorkflow(workflow));
    }

    [Fact]
    public async Task GetWorkflowInstance_of_an_unknown_id_throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _provider.GetWorkflowInstance(Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task GetWorkflowInstances_by_ids_returns_just_the_known_requested_ones()
    {
        var a = await _provider.CreateNewWorkflow(NewWorkflow(data: new SampleData { Title = "a" }));
        var b = await _provider.CreateNewWorkflow(NewWorkflow(data: new SampleData { Title = "b" }));
        await _provider.CreateNewWorkflow(NewWorkflow(data: new SampleData { Title = "c" }));

        var found = (await _provider.GetWorkflowInstances([a, b, "unknown"])).ToList();

        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), found.Select(w => w.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["a", "b"], found.Select(w => ((SampleData)w.Data).Title).Order().ToList());
        Assert.Empty(await _provider.GetWorkflowInstances([]));
        Assert.Empty(await _provider.GetWorkflowInstances(null!));
    }

    [Fact]
    public async Task GetWorkflowInstances_by_filter_applies_status_type_creation_range_and_paging()
    {
        for (var i = 0; i < 4; i++)
        {
            var workflow = NewWorkflow(createTime: T0.AddDays(i));
            workflow.Reference = $"r{i}";
            await _provider.CreateNewWorkflow(workflow);
        }
        var other = NewWorkflow(createTime: T0.AddDays(1));
        other.WorkflowDefinitionId = "other";
        await _provider.CreateNewWorkflow(other);
        var done = NewWorkflow(createTime: T0.AddDays(2));
        done.Status = WorkflowStatus.Complete;
        done.Reference = "done";
        await _provider.CreateNewWorkflow(done);

#pragma warning disable CS0618 // WorkflowCore marks this query obsolete; the provider still serves it.
        var page = await _provider.GetWorkflowInstances(WorkflowStatus.Runnable, "wg-definition", T0.AddDays(1), T0.AddDays(3), skip: 1, take: 1);
        var all = await _provider.GetWorkflowInstances(null, null!, null, null, 0, 100);
#pragma warning restore CS0618

        Assert.Equal("r2", Assert.Single(page).Reference); // r1..r3 match, ordered by creation; skip one, take one
        Assert.Equal(6, all.Count());
    }

    [Fact]
    public async Task GetRunnableInstances_returns_runnable_instances_that_are_due()
    {
        var due = await Create(WorkflowStatus.Runnable, T0.AddMinutes(-1));
        var dueExactly = await Create(WorkflowStatus.Runnable, T0);
        var future = await Create(WorkflowStatus.Runnable, T0.AddTicks(1));
        var waiting = await Create(WorkflowStatus.Runnable, null);
        var suspended = await Create(WorkflowStatus.Suspended, T0.AddMinutes(-1));
        var complete = await Create(WorkflowStatus.Complete, T0.AddMinutes(-1));
        var terminated = await Create(WorkflowStatus.Terminated, T0.AddMinutes(-1));

        var runnable = (await _provider.GetRunnableInstances(T0)).ToList();

        Assert.Equal([due, dueExactly], runnable);
        Assert.DoesNotContain(future, runnable);
        Assert.DoesNotContain(waiting, runnable);
        Assert.DoesNotContain(suspended, runnable);
        Assert.DoesNotContain(complete, runnable);
        Assert.DoesNotContain(terminated, runnable);
        // WorkflowCore's poller passes local time: it is converted, not compared as if it were UTC.
        Assert.Equal(runnable, await _provider.GetRunnableInstances(T0.ToLocalTime()));
        Assert.Contains(future, await _provider.GetRunnableInstances(T0.AddSeconds(1)));
    }

    [Fact]
    public async Task A_second_provider_on_the_same_file_sees_everything_the_first_wrote()
    {
        var workflow = NewWorkflow(data: new SampleData { Title = "durable" });
        workflow.ExecutionPointers.Add(FullPointer("p1"));
        var id = await _provider.CreateNewWorkflow(workflow);
        var eventId = await _provider.CreateEvent(NewEvent("e", "k", T0));
        SqliteConnection.ClearAllPools();

        var restarted = new EfPersistenceProvider(new Factory(_options));

        var loaded = await restarted.GetWorkflowInstance(id);
        Assert.Equal("durable", Assert.IsType<SampleData>(loaded.Data).Title);
        AssertFullPointer(loaded.ExecutionPointers.FindById("p1"));
        Assert.Equal([eventId], await restarted.GetRunnableEvents(T0));
    }

    // ------------------------------------------------------------------ subscriptions

    [Fact]
    public async Task CreateEventSubscription_assigns_an_id_and_GetSubscription_round_trips_it()
    {
        var subscription = NewSubscription("wf-1", "invite-answered", "proc-1:3:0", T0);
        subscription.SubscriptionData = new SampleEvent { Body = "params", At = T0 };

        var id = await _provider.CreateEventSubscription(subscription);

        Assert.Equal(id, subscription.Id);
        var loaded = await _provider.GetSubscription(id);
        Assert.Equal("wf-1", loaded.WorkflowId);
        Assert.Equal(7, loaded.StepId);
        Assert.Equal("pointer-1", loaded.ExecutionPointerId);
        Assert.Equal("invite-answered", loaded.EventName);
        Assert.Equal("proc-1:3:0", loaded.EventKey);
        Assert.Equal(T0, loaded.SubscribeAsOf);
        Assert.Equal(DateTimeKind.Utc, loaded.SubscribeAsOf.Kind);
        var data = Assert.IsType<SampleEvent>(loaded.SubscriptionData);
        Assert.Equal("params", data.Body);
        Assert.Null(loaded.ExternalToken);
        Assert.Null(loaded.ExternalWorkerId);
        Assert.Null(loaded.ExternalTokenExpiry);
    }

    [Fact]
    public async Task GetSubscription_of_an_unknown_id_is_null()
    {
        Assert.Null(await _provider.GetSubscription(Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task GetSubscriptions_matches_name_and_key_and_only_subscriptions_made_as_of_the_time()
    {
        var early = await _provider.CreateEventSubscription(NewSubscription("wf", "e", "k", T0.AddMinutes(-5)));
        var exact = await _provider.CreateEventSubscription(NewSubscription("wf", "e", "k", T0));
        await _provider.CreateEventSubscription(NewSubscription("wf", "e", "k", T0.AddMinutes(5)));
        await _provider.CreateEventSubscription(NewSubscription("wf", "e", "other", T0.AddMinutes(-5)));
        await _provider.CreateEventSubscription(NewSubscription("wf", "other", "k", T0.AddMinutes(-5)));

        var found = (await _provider.GetSubscriptions("e", "k", T0)).Select(s => s.Id).ToList();

        Assert.Equal([early, exact], found);
    }

    [Fact]
    public async Task TerminateSubscription_removes_it_and_is_idempotent()
    {
        var id = await _provider.CreateEventSubscription(NewSubscription("wf", "e", "k", T0));
        var other = await _provider.CreateEventSubscription(NewSubscription("wf", "e", "k", T0));

        await _provider.TerminateSubscription(id);
        await _provider.TerminateSubscription(id);
        await _provider.TerminateSubscription(Guid.NewGuid().ToString());

        Assert.Null(await _provider.GetSubscription(id));
        Assert.NotNull(await _provider.GetSubscription(other));
        Assert.Equal([other], (await _provider.GetSubscriptions("e", "k", T0)).Select(s => s.Id));
    }

    [Fact]
    public async Task SetSubscriptionToken_claims_an_open_subscription_once()
    {
        var id = await _provider.CreateEventSubscription(NewSubscription("wf", Event.EventTypeActivity, "review", T0));
        Assert.Equal(id, (await _provider.GetFirstOpenSubscription(Event.EventTypeActivity, "review", T0))?.Id);

        Assert.True(await _provider.SetSubscriptionToken(id, "token-1", "worker-1", DateTime.MaxValue));

        var claimed = await _provider.GetSubscription(id);
        Assert.Equal("token-1", claimed.ExternalToken);
        Assert.Equal("worker-1", claimed.ExternalWorkerId);
        Assert.Equal(DateTime.MaxValue, claimed.ExternalTokenExpiry);
        Assert.Null(await _provider.GetFirstOpenSubscription(Event.EventTypeActivity, "review", T0));

        // A second worker cannot take it over; the holder may repeat its own claim.
        Assert.False(await _provider.SetSubscriptionToken(id, "token-2", "worker-2", DateTime.MaxValue));
        Assert.Equal("token-1", (await _provider.GetSubscription(id)).ExternalToken);
        Assert.True(await _provider.SetSubscriptionToken(id, "token-1", "worker-1", DateTime.MaxValue));
        Assert.False(await _provider.SetSubscriptionToken(Guid.NewGuid().ToString(), "token-3", "worker-3", DateTime.MaxValue));
    }

    [Fact]
    public async Task GetFirstOpenSubscription_skips_claimed_later_and_other_subscriptions()
    {
        var claimed = await _provider.CreateEventSubscription(NewSubscription("wf", "activity", "review", T0.AddMinutes(-10)));
        await _provider.SetSubscriptionToken(claimed, "t", "w", DateTime.MaxValue);
        var open = await _provider.CreateEventSubscription(NewSubscription("wf", "activity", "review", T0.AddMinutes(-5)));
        await _provider.CreateEventSubscription(NewSubscription("wf", "activity", "review", T0.AddMinutes(5)));
        await _provider.CreateEventSubscription(NewSubscription("wf", "activity", "other", T0.AddMinutes(-20)));

        Assert.Equal(open, (await _provider.GetFirstOpenSubscription("activity", "review", T0))?.Id);
        Assert.Null(await _provider.GetFirstOpenSubscription("activity", "review", T0.AddMinutes(-7)));
    }

    [Fact]
    public async Task ClearSubscriptionToken_with_the_holders_token_reopens_the_subscription()
    {
        var id = await _provider.CreateEventSubscription(NewSubscription("wf", "activity", "review", T0));
        await _provider.SetSubscriptionToken(id, "token-1", "worker-1", T0.AddHours(1));

        await _provider.ClearSubscriptionToken(id, "token-1");

        var released = await _provider.GetSubscription(id);
        Assert.Null(released.ExternalToken);
        Assert.Null(released.ExternalWorkerId);
        Assert.Null(released.ExternalTokenExpiry);
        Assert.Equal(id, (await _provider.GetFirstOpenSubscription("activity", "review", T0))?.Id);
        Assert.True(await _provider.SetSubscriptionToken(id, "token-2", "worker-2", T0.AddHours(1)));
    }

    [Fact]
    public async Task ClearSubscriptionToken_with_a_wrong_token_throws_and_keeps_the_claim()
    {
        var id = await _provider.CreateEventSubscription(NewSubscription("wf", "activity", "review", T0));
        await _provider.SetSubscriptionToken(id, "token-1", "worker-1", T0.AddHours(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _provider.ClearSubscriptionToken(id, "token-2"));

        var stillClaimed = await _provider.GetSubscription(id);
        Assert.Equal("token-1", stillClaimed.ExternalToken);
        Assert.Equal("worker-1", stillClaimed.ExternalWorkerId);
        Assert.Equal(T0.AddHours(1), stillClaimed.ExternalTokenExpiry);
    }

    [Fact]
    public async Task ClearSubscriptionToken_of_a_terminated_subscription_does_nothing()
    {
        var id = await _provider.CreateEventSubscription(NewSubscription("wf", "activity", "review", T0));
        await _provider.SetSubscriptionToken(id, "token-1", "worker-1", T0.AddHours(1));
        await _provider.TerminateSubscription(id);

        await _provider.ClearSubscriptionToken(id, "token-1");

        Assert.Null(await _provider.GetSubscription(id));
    }

    // ------------------------------------------------------------------ events

    [Fact]
    public async Task CreateEvent_assigns_an_id_and_GetEvent_round_trips_it()
    {
        var evt = NewEvent("invite-answered", "proc-1:3:0", T0);
        evt.EventData = new SampleEvent { Body = "yes", At = T0.AddSeconds(1) };

        var id = await _provider.CreateEvent(evt);

        Assert.Equal(id, evt.Id);
        var loaded = await _provider.GetEvent(id);
        Assert.Equal("invite-answered", loaded.EventName);
        Assert.Equal("proc-1:3:0", loaded.EventKey);
        Assert.Equal(T0, loaded.EventTime);
        Assert.Equal(DateTimeKind.Utc, loaded.EventTime.Kind);
        Assert.False(loaded.IsProcessed);
        var data = Assert.IsType<SampleEvent>(loaded.EventData);
        Assert.Equal("yes", data.Body);
        Assert.Equal(T0.AddSeconds(1), data.At);
    }

    [Fact]
    public async Task Activity_results_keep_their_type_so_the_event_consumer_recognises_them()
    {
        var evt = NewEvent(Event.EventTypeActivity, "review", T0);
        evt.EventData = new ActivityResult { SubscriptionId = "sub-1", Status = ActivityResult.StatusType.Success, Data = new SampleEvent { Body = "done" } };

        var loaded = await _provider.GetEvent(await _provider.CreateEvent(evt));

        var result = Assert.IsType<ActivityResult>(loaded.EventData);
        Assert.Equal("sub-1", result.SubscriptionId);
        Assert.Equal(ActivityResult.StatusType.Success, result.Status);
        Assert.Equal("done", Assert.IsType<SampleEvent>(result.Data).Body);
    }

    [Fact]
    public async Task GetEvent_of_an_unknown_id_throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _provider.GetEvent(Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task MarkEventProcessed_and_Unprocessed_flip_the_flag_and_are_idempotent()
    {
        var id = await _provider.CreateEvent(NewEvent("e", "k", T0));

        await _provider.MarkEventProcessed(id);
        await _provider.MarkEventProcessed(id);
        Assert.True((await _provider.GetEvent(id)).IsProcessed);
        Assert.Empty(await _provider.GetRunnableEvents(T0));

        await _provider.MarkEventUnprocessed(id);
        await _provider.MarkEventUnprocessed(id);
        Assert.False((await _provider.GetEvent(id)).IsProcessed);
        Assert.Equal([id], await _provider.GetRunnableEvents(T0));

        await _provider.MarkEventProcessed(Guid.NewGuid().ToString());
        await _provider.MarkEventUnprocessed(Guid.NewGuid().ToString());
    }

    [Fact]
    public async Task GetRunnableEvents_returns_unprocessed_events_that_are_due_oldest_first()
    {
        var later = await _provider.CreateEvent(NewEvent("e", "k", T0));
        var earlier = await _provider.CreateEvent(NewEvent("e", "k2", T0.AddMinutes(-1)));
        await _provider.CreateEvent(NewEvent("e", "k", T0.AddTicks(1)));
        var processed = await _provider.CreateEvent(NewEvent("e", "k", T0.AddMinutes(-2)));
        await _provider.MarkEventProcessed(processed);

        Assert.Equal([earlier, later], await _provider.GetRunnableEvents(T0));
        Assert.Equal([earlier, later], await _provider.GetRunnableEvents(T0.ToLocalTime()));
    }

    [Fact]
    public async Task GetEvents_returns_events_of_the_name_and_key_published_at_or_after_the_time()
    {
        await _provider.CreateEvent(NewEvent("e", "k", T0.AddMinutes(-1)));
        var exact = await _provider.CreateEvent(NewEvent("e", "k", T0));
        var after = await _provider.CreateEvent(NewEvent("e", "k", T0.AddMinutes(1)));
        await _provider.MarkEventProcessed(after); // processed events are included: WorkflowCore re-opens them
        await _provider.CreateEvent(NewEvent("e", "other", T0.AddMinutes(1)));
        await _provider.CreateEvent(NewEvent("other", "k", T0.AddMinutes(1)));

        Assert.Equal([exact, after], await _provider.GetEvents("e", "k", T0));
        Assert.Empty(await _provider.GetEvents("e", "k", T0.AddMinutes(2)));
    }

    // ------------------------------------------------------------------ errors and store

    [Fact]
    public async Task PersistErrors_stores_every_error()
    {
        await _provider.PersistErrors(
        [
            new ExecutionError { WorkflowId = "wf-1", ExecutionPointerId = "p1", ErrorTime = T0, Message = "boom" },
            new ExecutionError { WorkflowId = "wf-1", ExecutionPointerId = "p2", ErrorTime = T0.AddSeconds(1), Message = "bang" },
        ]);
        await _provider.PersistErrors([new ExecutionError { WorkflowId = "wf-2", ErrorTime = T0.AddSeconds(2), Message = "alone" }]);
        await _provider.PersistErrors([]);

        await using var db = new AppDbContext(_options);
        var errors = await db.Set<PersistedExecutionError>().OrderBy(e => e.ErrorTime).ToListAsync();
        Assert.Equal(3, errors.Count);
        Assert.Equal(("wf-2", null, "alone"), (errors[2].WorkflowId, errors[2].ExecutionPointerId, errors[2].Message));
        Assert.Equal(("wf-1", "p1", T0, "boom"), (errors[0].WorkflowId, errors[0].ExecutionPointerId, errors[0].ErrorTime, errors[0].Message));
        Assert.Equal(("wf-1", "p2", "bang"), (errors[1].WorkflowId, errors[1].ExecutionPointerId, errors[1].Message));
        Assert.Equal(DateTimeKind.Utc, errors[0].ErrorTime.Kind);
    }

    [Fact]
    public void EnsureStoreExists_passes_on_a_migrated_store_and_fails_clearly_without_the_tables()
    {
        _provider.EnsureStoreExists();

        var empty = new EfPersistenceProvider(new Factory(Options(Path.Combine(_folder, "empty.db"))));
        var error = Assert.Throws<InvalidOperationException>(empty.EnsureStoreExists);
        Assert.Contains("migrations", error.Message);
    }

    [Fact]
    public async Task A_cancelled_token_cancels_the_call()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _provider.GetRunnableInstances(T0, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _provider.CreateEvent(NewEvent("e", "k", T0), cancelled.Token));
        Assert.Empty(await _provider.GetRunnableEvents(T0));
    }

    // ------------------------------------------------------------------ scheduled commands

    [Fact]
    public async Task ProcessCommands_runs_due_commands_and_deletes_them_and_leaves_future_ones()
    {
        Assert.True(_provider.SupportsScheduledCommands);
        await _provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0.AddMinutes(-1)));
        await _provider.ScheduleCommand(Command(ScheduledCommand.ProcessEvent, "evt-1", T0));
        await _provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-2", T0.AddMinutes(1)));

        var ran = new List<(string, string, long)>();
        await _provider.ProcessCommands(new DateTimeOffset(T0), c => { ran.Add((c.CommandName, c.Data, c.ExecuteTime)); return Task.CompletedTask; });

        Assert.Equal(
            [(ScheduledCommand.ProcessWorkflow, "wf-1", T0.AddMinutes(-1).Ticks), (ScheduledCommand.ProcessEvent, "evt-1", T0.Ticks)],
            ran);
        Assert.Equal([("wf-2", T0.AddMinutes(1).Ticks)], await Commands());

        ran.Clear();
        await _provider.ProcessCommands(new DateTimeOffset(T0), c => { ran.Add((c.CommandName, c.Data, c.ExecuteTime)); return Task.CompletedTask; });
        Assert.Empty(ran);
    }

    [Fact]
    public async Task ScheduleCommand_tolerates_a_duplicate_and_keeps_one_command_at_the_latest_time()
    {
        await _provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0));
        await _provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0.AddMinutes(5)));
        await _provider.ScheduleCommand(Command(ScheduledCommand.ProcessEvent, "wf-1", T0));

        Assert.Equal([("wf-1", T0.Ticks), ("wf-1", T0.AddMinutes(5).Ticks)], (await Commands()).OrderBy(c => c.ExecuteTime).ToList());
    }

    [Fact]
    public async Task ScheduleCommand_tolerates_concurrent_duplicates()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => _provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0.AddSeconds(i))))));

        Assert.Single(await Commands());
    }

    [Fact]
    public async Task A_failing_command_stays_scheduled_while_the_others_run()
    {
        await _provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "fails", T0.AddMinutes(-2)));
        await _provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "works", T0.AddMinutes(-1)));
        var ran = new List<string>();

        var error = await Assert.ThrowsAsync<AggregateException>(() => _provider.ProcessCommands(new DateTimeOffset(T0), c =>
        {
            ran.Add(c.Data);
            return c.Data == "fails" ? throw new InvalidOperationException("queue down") : Task.CompletedTask;
        }));

        Assert.Equal(["fails", "works"], ran);
        Assert.Equal("queue down", Assert.Single(error.InnerExceptions).Message);
        Assert.Equal([("fails", T0.AddMinutes(-2).Ticks)], await Commands());

        await _provider.ProcessCommands(new DateTimeOffset(T0), _ => Task.CompletedTask);
        Assert.Empty(await Commands());
    }

    [Fact]
    public async Task A_command_rescheduled_while_it_runs_is_not_deleted()
    {
        await _provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0));

        await _provider.ProcessCommands(new DateTimeOffset(T0), c =>
            _provider.ScheduleCommand(Command(c.CommandName, c.Data, T0.AddHours(1))));

        Assert.Equal([("wf-1", T0.AddHours(1).Ticks)], await Commands());
    }

    // ------------------------------------------------------------------ helpers

    private static DbContextOptions<AppDbContext> Options(string path) =>
        new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").Options;

    private async Task<string> Create(WorkflowStatus status, DateTime? nextExecution)
    {
        var workflow = NewWorkflow();
        workflow.Status = status;
        workflow.NextExecution = nextExecution?.Ticks;
        return await _provider.CreateNewWorkflow(workflow);
    }

    private async Task<Guid> TokenOf(string id)
    {
        await using var db = new AppDbContext(_options);
        return await db.Set<PersistedWorkflow>().Where(w => w.Id == id).Select(w => w.ConcurrencyToken).SingleAsync();
    }

    private async Task<List<(string Data, long ExecuteTime)>> Commands()
    {
        await using var db = new AppDbContext(_options);
        var rows = await db.Set<PersistedScheduledCommand>().OrderBy(c => c.Id).ToListAsync();
        return rows.Select(c => (c.Data, c.ExecuteTime)).ToList();
    }

    private static WorkflowInstance NewWorkflow(object? data = null, DateTime? createTime = null) => new()
    {
        WorkflowDefinitionId = "wg-definition",
        Version = 1,
        Status = WorkflowStatus.Runnable,
        Data = data!,
        CreateTime = createTime ?? T0,
        ExecutionPointers = [],
    };

    private static EventSubscription NewSubscription(string workflowId, string name, string key, DateTime asOf) => new()
    {
        WorkflowId = workflowId,
        StepId = 7,
        ExecutionPointerId = "pointer-1",
        EventName = name,
        EventKey = key,
        SubscribeAsOf = asOf,
    };

    private static Event NewEvent(string name, string key, DateTime time) => new()
    {
        EventName = name,
        EventKey = key,
        EventTime = time,
        EventData = "payload",
    };

    private static ScheduledCommand Command(string name, string data, DateTime executeAt) => new()
    {
        CommandName = name,
        Data = data,
        ExecuteTime = executeAt.Ticks,
    };

    private static ExecutionPointer FullPointer(string id) => new()
    {
        Id = id,
        StepId = 3,
        StepName = "Invite members",
        Active = true,
        Status = PointerStatus.WaitingForEvent,
        SleepUntil = T0.AddMinutes(10),
        StartTime = T0,
        EndTime = T0.AddMinutes(1),
        EventName = "invite-answered",
        EventKey = "proc-1:3:0",
        EventPublished = true,
        EventData = new SampleEvent { Body = "accepted", At = T0.AddSeconds(30) },
        PersistenceData = new IteratorPersistenceData { Index = 2, ChildrenActive = true },
        ExtensionAttributes = new Dictionary<string, object>
        {
            ["who"] = "ana",
            ["attempt"] = 2,
            ["decision"] = new SampleEvent { Body = "nested", At = T0 },
        },
        RetryCount = 4,
        Children = ["c1", "c2"],
        ContextItem = new SampleEvent { Body = "invitee" },
        PredecessorId = "p0",
        Outcome = "approved",
        Scope = new List<string> { "s2", "s1" },
    };

    private static void AssertFullPointer(ExecutionPointer pointer)
    {
        Assert.NotNull(pointer);
        Assert.Equal(3, pointer.StepId);
        Assert.Equal("Invite members", pointer.StepName);
        Assert.True(pointer.Active);
        Assert.Equal(PointerStatus.WaitingForEvent, pointer.Status);
        Assert.Equal(T0.AddMinutes(10), pointer.SleepUntil);
        Assert.Equal(DateTimeKind.Utc, pointer.SleepUntil!.Value.Kind);
        Assert.Equal(T0, pointer.StartTime);
        Assert.Equal(T0.AddMinutes(1), pointer.EndTime);
        Assert.Equal("invite-answered", pointer.EventName);
        Assert.Equal("proc-1:3:0", pointer.EventKey);
        Assert.True(pointer.EventPublished);
        var eventData = Assert.IsType<SampleEvent>(pointer.EventData);
        Assert.Equal(("accepted", T0.AddSeconds(30)), (eventData.Body, eventData.At));
        var persistence = Assert.IsType<IteratorPersistenceData>(pointer.PersistenceData);
        Assert.Equal(2, persistence.Index);
        Assert.True(persistence.ChildrenActive);
        Assert.Equal(3, pointer.ExtensionAttributes.Count);
        Assert.Equal("ana", pointer.ExtensionAttributes["who"]);
        // An int in an object-typed slot has no type name in JSON: it comes back as long (as with WorkflowCore's providers).
        Assert.Equal(2L, Assert.IsType<long>(pointer.ExtensionAttributes["attempt"]));
        Assert.Equal("nested", Assert.IsType<SampleEvent>(pointer.ExtensionAttributes["decision"]).Body);
        Assert.Equal(4, pointer.RetryCount);
        Assert.Equal(["c1", "c2"], pointer.Children);
        Assert.Equal("invitee", Assert.IsType<SampleEvent>(pointer.ContextItem).Body);
        Assert.Equal("p0", pointer.PredecessorId);
        Assert.Equal("approved", pointer.Outcome);
        Assert.Equal(["s2", "s1"], pointer.Scope);
    }

    private sealed class Factory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }

    public sealed class SampleData
    {
        public string? Title { get; set; }

        public List<string> Members { get; set; } = ["initial"];

        public int Count { get; set; }

        public DateTime Deadline { get; set; }
    }

    public sealed class SampleEvent
    {
        public string? Body { get; set; }

        public DateTime At { get; set; }
    }
}
