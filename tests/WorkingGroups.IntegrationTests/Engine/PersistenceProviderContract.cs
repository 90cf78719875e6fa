using Microsoft.EntityFrameworkCore;
using WorkflowCore.Models;
using WorkingGroups.Infrastructure.Engine.Persistence;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.IntegrationTests.Engine;

/// <summary>
/// Contract tests of the WorkflowCore persistence provider, run on each database the app supports: a fresh store
/// per test (<see cref="PersistenceProviderTests"/> on a SQLite file, <see cref="PostgresPersistenceProviderTests"/> on
/// a PostgreSQL database). The schema comes from EnsureCreated here only: the app itself uses migrations.
/// </summary>
public abstract class PersistenceProviderContract : IDisposable
{
    private static readonly DateTime T0 = new(2025, 3, 14, 9, 26, 53, DateTimeKind.Utc);

    private readonly Lazy<DbContextOptions<AppDbContext>> _storeOptions;
    private readonly Lazy<EfPersistenceProvider> _provider;

    protected PersistenceProviderContract()
    {
        _storeOptions = new(CreateStore);
        _provider = new(() => new EfPersistenceProvider(new Factory(StoreOptions)));
    }

    /// <summary>Options of a new, empty store named <paramref name="name"/> (PostgreSQL: skips the test without a server).</summary>
    protected abstract DbContextOptions<AppDbContext> OpenStore(string name);

    /// <summary>Deletes every store this test opened.</summary>
    protected abstract void DropStores();

    /// <summary>The test's store, created on first use: a test without a server for it is skipped, not failed.</summary>
    private DbContextOptions<AppDbContext> StoreOptions => _storeOptions.Value;

    private EfPersistenceProvider Provider => _provider.Value;

    private DbContextOptions<AppDbContext> CreateStore()
    {
        var options = OpenStore("engine");
        using var db = new AppDbContext(options);
        db.Database.EnsureCreated();
        return options;
    }

    public void Dispose()
    {
        DropStores();
        GC.SuppressFinalize(this);
    }

    // ------------------------------------------------------------------ workflows

    [SkippableFact]
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

        var id = await Provider.CreateNewWorkflow(workflow);

        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal(id, workflow.Id);
        Assert.True(Guid.TryParse(id, out _));

        var loaded = await Provider.GetWorkflowInstance(id);
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

    [SkippableFact]
    public async Task CreateNewWorkflow_keeps_an_id_chosen_by_the_caller()
    {
        var workflow = NewWorkflow();
        workflow.Id = "chosen-id";

        Assert.Equal("chosen-id", await Provider.CreateNewWorkflow(workflow));
        Assert.Equal("chosen-id", (await Provider.GetWorkflowInstance("chosen-id")).Id);
    }

    [SkippableFact]
    public async Task Data_null_round_trips_as_null()
    {
        var id = await Provider.CreateNewWorkflow(NewWorkflow(data: null));

        Assert.Null((await Provider.GetWorkflowInstance(id)).Data);
    }

    [SkippableFact]
    public async Task PersistWorkflow_writes_status_times_data_and_the_whole_pointer_list()
    {
        var id = await Provider.CreateNewWorkflow(NewWorkflow(data: new SampleData { Title = "before" }));
        var workflow = await Provider.GetWorkflowInstance(id);

        workflow.Status = WorkflowStatus.Complete;
        workflow.CompleteTime = T0.AddMinutes(30);
        workflow.NextExecution = null;
        ((SampleData)workflow.Data).Title = "after";
        workflow.ExecutionPointers.Add(FullPointer("p9"));
        await Provider.PersistWorkflow(workflow);

        var loaded = await Provider.GetWorkflowInstance(id);
        Assert.Equal(WorkflowStatus.Complete, loaded.Status);
        Assert.Equal(T0.AddMinutes(30), loaded.CompleteTime);
        Assert.Null(loaded.NextExecution);
        Assert.Equal("after", Assert.IsType<SampleData>(loaded.Data).Title);
        AssertFullPointer(Assert.Single(loaded.ExecutionPointers));

        // The pointer list is replaced, not merged: removing a pointer sticks.
        loaded.ExecutionPointers.Clear();
        await Provider.PersistWorkflow(loaded);
        Assert.Empty((await Provider.GetWorkflowInstance(id)).ExecutionPointers);
    }

    [SkippableFact]
    public async Task PersistWorkflow_with_subscriptions_creates_them_and_gives_them_ids()
    {
        var id = await Provider.CreateNewWorkflow(NewWorkflow());
        var workflow = await Provider.GetWorkflowInstance(id);
        var subscription = NewSubscription(id, "invite-answered", "k1", T0);
        workflow.NextExecution = null;

        await Provider.PersistWorkflow(workflow, [subscription]);

        Assert.False(string.IsNullOrEmpty(subscription.Id));
        var stored = await Provider.GetSubscription(subscription.Id);
        Assert.NotNull(stored);
        Assert.Equal(id, stored.WorkflowId);
        Assert.Null((await Provider.GetWorkflowInstance(id)).NextExecution);
    }

    [SkippableFact]
    public async Task PersistWorkflow_accepts_null_subscriptions_as_WorkflowCore_passes_them()
    {
        var id = await Provider.CreateNewWorkflow(NewWorkflow());
        var workflow = await Provider.GetWorkflowInstance(id);
        workflow.Reference = "updated";

        await Provider.PersistWorkflow(workflow, null!);

        Assert.Equal("updated", (await Provider.GetWorkflowInstance(id)).Reference);
    }

    [SkippableFact]
    public async Task PersistWorkflow_rolls_back_the_instance_when_a_subscription_cannot_be_written()
    {
        var id = await Provider.CreateNewWorkflow(NewWorkflow());
        var existing = NewSubscription(id, "e", "k", T0);
        await Provider.CreateEventSubscription(existing);

        var workflow = await Provider.GetWorkflowInstance(id);
        workflow.Reference = "must not stick";
        var clash = NewSubscription(id, "e", "k", T0);
        clash.Id = existing.Id; // same key: the insert fails

        await Assert.ThrowsAsync<DbUpdateException>(() => Provider.PersistWorkflow(workflow, [clash]));
        Assert.Null((await Provider.GetWorkflowInstance(id)).Reference);
    }

    [SkippableFact]
    public async Task PersistWorkflow_of_a_stale_copy_fails_instead_of_overwriting_a_newer_write()
    {
        var id = await Provider.CreateNewWorkflow(NewWorkflow());
        var first = await Provider.GetWorkflowInstance(id);
        var stale = await Provider.GetWorkflowInstance(id);

        first.Reference = "first";
        await Provider.PersistWorkflow(first);
        stale.Reference = "stale";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Provider.PersistWorkflow(stale));
        Assert.Equal("first", (await Provider.GetWorkflowInstance(id)).Reference);

        // The object that wrote last may write again, as WorkflowCore's runners do.
        first.Reference = "first again";
        await Provider.PersistWorkflow(first);
        Assert.Equal("first again", (await Provider.GetWorkflowInstance(id)).Reference);
    }

    [SkippableFact]
    public async Task Every_write_replaces_the_concurrency_token()
    {
        var created = NewWorkflow();
        var id = await Provider.CreateNewWorkflow(created);
        var afterCreate = await TokenOf(id);
        await Provider.PersistWorkflow(created);
        var afterPersist = await TokenOf(id);

        Assert.NotEqual(Guid.Empty, afterCreate);
        Assert.NotEqual(afterCreate, afterPersist);
    }

    [SkippableFact]
    public async Task PersistWorkflow_of_an_unknown_instance_throws()
    {
        var workflow = NewWorkflow();
        workflow.Id = Guid.NewGuid().ToString();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Provider.PersistWorkflow(workflow));
    }

    [SkippableFact]
    public async Task GetWorkflowInstance_of_an_unknown_id_throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Provider.GetWorkflowInstance(Guid.NewGuid().ToString()));
    }

    [SkippableFact]
    public async Task GetWorkflowInstances_by_ids_returns_just_the_known_requested_ones()
    {
        var a = await Provider.CreateNewWorkflow(NewWorkflow(data: new SampleData { Title = "a" }));
        var b = await Provider.CreateNewWorkflow(NewWorkflow(data: new SampleData { Title = "b" }));
        await Provider.CreateNewWorkflow(NewWorkflow(data: new SampleData { Title = "c" }));

        var found = (await Provider.GetWorkflowInstances([a, b, "unknown"])).ToList();

        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), found.Select(w => w.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["a", "b"], found.Select(w => ((SampleData)w.Data).Title).Order().ToList());
        Assert.Empty(await Provider.GetWorkflowInstances([]));
        Assert.Empty(await Provider.GetWorkflowInstances(null!));
    }

    [SkippableFact]
    public async Task GetWorkflowInstances_by_filter_applies_status_type_creation_range_and_paging()
    {
        for (var i = 0; i < 4; i++)
        {
            var workflow = NewWorkflow(createTime: T0.AddDays(i));
            workflow.Reference = $"r{i}";
            await Provider.CreateNewWorkflow(workflow);
        }
        var other = NewWorkflow(createTime: T0.AddDays(1));
        other.WorkflowDefinitionId = "other";
        await Provider.CreateNewWorkflow(other);
        var done = NewWorkflow(createTime: T0.AddDays(2));
        done.Status = WorkflowStatus.Complete;
        done.Reference = "done";
        await Provider.CreateNewWorkflow(done);

#pragma warning disable CS0618 // WorkflowCore marks this query obsolete; the provider still serves it.
        var page = await Provider.GetWorkflowInstances(WorkflowStatus.Runnable, "wg-definition", T0.AddDays(1), T0.AddDays(3), skip: 1, take: 1);
        var all = await Provider.GetWorkflowInstances(null, null!, null, null, 0, 100);
#pragma warning restore CS0618

        Assert.Equal("r2", Assert.Single(page).Reference); // r1..r3 match, ordered by creation; skip one, take one
        Assert.Equal(6, all.Count());
    }

    [SkippableFact]
    public async Task GetRunnableInstances_returns_runnable_instances_that_are_due()
    {
        var due = await Create(WorkflowStatus.Runnable, T0.AddMinutes(-1));
        var dueExactly = await Create(WorkflowStatus.Runnable, T0);
        var future = await Create(WorkflowStatus.Runnable, T0.AddTicks(1));
        var waiting = await Create(WorkflowStatus.Runnable, null);
        var suspended = await Create(WorkflowStatus.Suspended, T0.AddMinutes(-1));
        var complete = await Create(WorkflowStatus.Complete, T0.AddMinutes(-1));
        var terminated = await Create(WorkflowStatus.Terminated, T0.AddMinutes(-1));

        var runnable = (await Provider.GetRunnableInstances(T0)).ToList();

        Assert.Equal([due, dueExactly], runnable);
        Assert.DoesNotContain(future, runnable);
        Assert.DoesNotContain(waiting, runnable);
        Assert.DoesNotContain(suspended, runnable);
        Assert.DoesNotContain(complete, runnable);
        Assert.DoesNotContain(terminated, runnable);
        // WorkflowCore's poller passes local time: it is converted, not compared as if it were UTC.
        Assert.Equal(runnable, await Provider.GetRunnableInstances(T0.ToLocalTime()));
        Assert.Contains(future, await Provider.GetRunnableInstances(T0.AddSeconds(1)));
    }

    [SkippableFact]
    public async Task A_second_provider_on_the_same_store_sees_everything_the_first_wrote()
    {
        var workflow = NewWorkflow(data: new SampleData { Title = "durable" });
        workflow.ExecutionPointers.Add(FullPointer("p1"));
        var id = await Provider.CreateNewWorkflow(workflow);
        var eventId = await Provider.CreateEvent(NewEvent("e", "k", T0));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();

        var restarted = new EfPersistenceProvider(new Factory(StoreOptions));

        var loaded = await restarted.GetWorkflowInstance(id);
        Assert.Equal("durable", Assert.IsType<SampleData>(loaded.Data).Title);
        AssertFullPointer(loaded.ExecutionPointers.FindById("p1"));
        Assert.Equal([eventId], await restarted.GetRunnableEvents(T0));
    }

    // ------------------------------------------------------------------ subscriptions

    [SkippableFact]
    public async Task CreateEventSubscription_assigns_an_id_and_GetSubscription_round_trips_it()
    {
        var subscription = NewSubscription("wf-1", "invite-answered", "proc-1:3:0", T0);
        subscription.SubscriptionData = new SampleEvent { Body = "params", At = T0 };

        var id = await Provider.CreateEventSubscription(subscription);

        Assert.Equal(id, subscription.Id);
        var loaded = await Provider.GetSubscription(id);
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

    [SkippableFact]
    public async Task GetSubscription_of_an_unknown_id_is_null()
    {
        Assert.Null(await Provider.GetSubscription(Guid.NewGuid().ToString()));
    }

    [SkippableFact]
    public async Task GetSubscriptions_matches_name_and_key_and_only_subscriptions_made_as_of_the_time()
    {
        var early = await Provider.CreateEventSubscription(NewSubscription("wf", "e", "k", T0.AddMinutes(-5)));
        var exact = await Provider.CreateEventSubscription(NewSubscription("wf", "e", "k", T0));
        await Provider.CreateEventSubscription(NewSubscription("wf", "e", "k", T0.AddMinutes(5)));
        await Provider.CreateEventSubscription(NewSubscription("wf", "e", "other", T0.AddMinutes(-5)));
        await Provider.CreateEventSubscription(NewSubscription("wf", "other", "k", T0.AddMinutes(-5)));

        var found = (await Provider.GetSubscriptions("e", "k", T0)).Select(s => s.Id).ToList();

        Assert.Equal([early, exact], found);
    }

    [SkippableFact]
    public async Task TerminateSubscription_removes_it_and_is_idempotent()
    {
        var id = await Provider.CreateEventSubscription(NewSubscription("wf", "e", "k", T0));
        var other = await Provider.CreateEventSubscription(NewSubscription("wf", "e", "k", T0));

        await Provider.TerminateSubscription(id);
        await Provider.TerminateSubscription(id);
        await Provider.TerminateSubscription(Guid.NewGuid().ToString());

        Assert.Null(await Provider.GetSubscription(id));
        Assert.NotNull(await Provider.GetSubscription(other));
        Assert.Equal([other], (await Provider.GetSubscriptions("e", "k", T0)).Select(s => s.Id));
    }

    [SkippableFact]
    public async Task SetSubscriptionToken_claims_an_open_subscription_once()
    {
        var id = await Provider.CreateEventSubscription(NewSubscription("wf", Event.EventTypeActivity, "review", T0));
        Assert.Equal(id, (await Provider.GetFirstOpenSubscription(Event.EventTypeActivity, "review", T0))?.Id);

        Assert.True(await Provider.SetSubscriptionToken(id, "token-1", "worker-1", DateTime.MaxValue));

        var claimed = await Provider.GetSubscription(id);
        Assert.Equal("token-1", claimed.ExternalToken);
        Assert.Equal("worker-1", claimed.ExternalWorkerId);
        Assert.Equal(DateTime.MaxValue, claimed.ExternalTokenExpiry);
        Assert.Null(await Provider.GetFirstOpenSubscription(Event.EventTypeActivity, "review", T0));

        // A second worker cannot take it over; the holder may repeat its own claim.
        Assert.False(await Provider.SetSubscriptionToken(id, "token-2", "worker-2", DateTime.MaxValue));
        Assert.Equal("token-1", (await Provider.GetSubscription(id)).ExternalToken);
        Assert.True(await Provider.SetSubscriptionToken(id, "token-1", "worker-1", DateTime.MaxValue));
        Assert.False(await Provider.SetSubscriptionToken(Guid.NewGuid().ToString(), "token-3", "worker-3", DateTime.MaxValue));
    }

    [SkippableFact]
    public async Task GetFirstOpenSubscription_skips_claimed_later_and_other_subscriptions()
    {
        var claimed = await Provider.CreateEventSubscription(NewSubscription("wf", "activity", "review", T0.AddMinutes(-10)));
        await Provider.SetSubscriptionToken(claimed, "t", "w", DateTime.MaxValue);
        var open = await Provider.CreateEventSubscription(NewSubscription("wf", "activity", "review", T0.AddMinutes(-5)));
        await Provider.CreateEventSubscription(NewSubscription("wf", "activity", "review", T0.AddMinutes(5)));
        await Provider.CreateEventSubscription(NewSubscription("wf", "activity", "other", T0.AddMinutes(-20)));

        Assert.Equal(open, (await Provider.GetFirstOpenSubscription("activity", "review", T0))?.Id);
        Assert.Null(await Provider.GetFirstOpenSubscription("activity", "review", T0.AddMinutes(-7)));
    }

    [SkippableFact]
    public async Task ClearSubscriptionToken_with_the_holders_token_reopens_the_subscription()
    {
        var id = await Provider.CreateEventSubscription(NewSubscription("wf", "activity", "review", T0));
        await Provider.SetSubscriptionToken(id, "token-1", "worker-1", T0.AddHours(1));

        await Provider.ClearSubscriptionToken(id, "token-1");

        var released = await Provider.GetSubscription(id);
        Assert.Null(released.ExternalToken);
        Assert.Null(released.ExternalWorkerId);
        Assert.Null(released.ExternalTokenExpiry);
        Assert.Equal(id, (await Provider.GetFirstOpenSubscription("activity", "review", T0))?.Id);
        Assert.True(await Provider.SetSubscriptionToken(id, "token-2", "worker-2", T0.AddHours(1)));
    }

    [SkippableFact]
    public async Task ClearSubscriptionToken_with_a_wrong_token_throws_and_keeps_the_claim()
    {
        var id = await Provider.CreateEventSubscription(NewSubscription("wf", "activity", "review", T0));
        await Provider.SetSubscriptionToken(id, "token-1", "worker-1", T0.AddHours(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Provider.ClearSubscriptionToken(id, "token-2"));

        var stillClaimed = await Provider.GetSubscription(id);
        Assert.Equal("token-1", stillClaimed.ExternalToken);
        Assert.Equal("worker-1", stillClaimed.ExternalWorkerId);
        Assert.Equal(T0.AddHours(1), stillClaimed.ExternalTokenExpiry);
    }

    [SkippableFact]
    public async Task ClearSubscriptionToken_of_a_terminated_subscription_does_nothing()
    {
        var id = await Provider.CreateEventSubscription(NewSubscription("wf", "activity", "review", T0));
        await Provider.SetSubscriptionToken(id, "token-1", "worker-1", T0.AddHours(1));
        await Provider.TerminateSubscription(id);

        await Provider.ClearSubscriptionToken(id, "token-1");

        Assert.Null(await Provider.GetSubscription(id));
    }

    // ------------------------------------------------------------------ events

    [SkippableFact]
    public async Task CreateEvent_assigns_an_id_and_GetEvent_round_trips_it()
    {
        var evt = NewEvent("invite-answered", "proc-1:3:0", T0);
        evt.EventData = new SampleEvent { Body = "yes", At = T0.AddSeconds(1) };

        var id = await Provider.CreateEvent(evt);

        Assert.Equal(id, evt.Id);
        var loaded = await Provider.GetEvent(id);
        Assert.Equal("invite-answered", loaded.EventName);
        Assert.Equal("proc-1:3:0", loaded.EventKey);
        Assert.Equal(T0, loaded.EventTime);
        Assert.Equal(DateTimeKind.Utc, loaded.EventTime.Kind);
        Assert.False(loaded.IsProcessed);
        var data = Assert.IsType<SampleEvent>(loaded.EventData);
        Assert.Equal("yes", data.Body);
        Assert.Equal(T0.AddSeconds(1), data.At);
    }

    [SkippableFact]
    public async Task Activity_results_keep_their_type_so_the_event_consumer_recognises_them()
    {
        var evt = NewEvent(Event.EventTypeActivity, "review", T0);
        evt.EventData = new ActivityResult { SubscriptionId = "sub-1", Status = ActivityResult.StatusType.Success, Data = new SampleEvent { Body = "done" } };

        var loaded = await Provider.GetEvent(await Provider.CreateEvent(evt));

        var result = Assert.IsType<ActivityResult>(loaded.EventData);
        Assert.Equal("sub-1", result.SubscriptionId);
        Assert.Equal(ActivityResult.StatusType.Success, result.Status);
        Assert.Equal("done", Assert.IsType<SampleEvent>(result.Data).Body);
    }

    [SkippableFact]
    public async Task GetEvent_of_an_unknown_id_throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Provider.GetEvent(Guid.NewGuid().ToString()));
    }

    [SkippableFact]
    public async Task MarkEventProcessed_and_Unprocessed_flip_the_flag_and_are_idempotent()
    {
        var id = await Provider.CreateEvent(NewEvent("e", "k", T0));
        await Provider.CreateEventSubscription(NewSubscription("wf-1", "e", "k", T0)); // someone still waits for it

        await Provider.MarkEventProcessed(id);
        await Provider.MarkEventProcessed(id);
        Assert.True((await Provider.GetEvent(id)).IsProcessed);
        Assert.Empty(await Provider.GetRunnableEvents(T0));

        await Provider.MarkEventUnprocessed(id);
        await Provider.MarkEventUnprocessed(id);
        Assert.False((await Provider.GetEvent(id)).IsProcessed);
        Assert.Equal([id], await Provider.GetRunnableEvents(T0));

        await Provider.MarkEventProcessed(Guid.NewGuid().ToString());
        await Provider.MarkEventUnprocessed(Guid.NewGuid().ToString());
    }

    [SkippableFact]
    public async Task MarkEventUnprocessed_leaves_an_event_processed_when_no_subscription_can_take_it_any_more()
    {
        // The event consumer seeded the subscription and ended it before WorkflowCore re-opened the event for it.
        var id = await Provider.CreateEvent(NewEvent("e", "k", T0));
        var taken = await Provider.CreateEventSubscription(NewSubscription("wf-1", "e", "k", T0));
        await Provider.TerminateSubscription(taken);
        await Provider.MarkEventProcessed(id);
        // A subscription that began after the event, or waits for another key, cannot take it either.
        await Provider.CreateEventSubscription(NewSubscription("wf-2", "e", "k", T0.AddMinutes(1)));
        await Provider.CreateEventSubscription(NewSubscription("wf-3", "e", "other", T0));

        await Provider.MarkEventUnprocessed(id);

        Assert.True((await Provider.GetEvent(id)).IsProcessed);
        Assert.Empty(await Provider.GetRunnableEvents(T0.AddMinutes(2)));
    }

    [SkippableFact]
    public async Task GetRunnableEvents_returns_unprocessed_events_that_are_due_oldest_first()
    {
        var later = await Provider.CreateEvent(NewEvent("e", "k", T0));
        var earlier = await Provider.CreateEvent(NewEvent("e", "k2", T0.AddMinutes(-1)));
        await Provider.CreateEvent(NewEvent("e", "k", T0.AddMicroseconds(1))); // PostgreSQL keeps microseconds, not ticks
        var processed = await Provider.CreateEvent(NewEvent("e", "k", T0.AddMinutes(-2)));
        await Provider.MarkEventProcessed(processed);

        Assert.Equal([earlier, later], await Provider.GetRunnableEvents(T0));
        Assert.Equal([earlier, later], await Provider.GetRunnableEvents(T0.ToLocalTime()));
    }

    [SkippableFact]
    public async Task GetEvents_returns_events_of_the_name_and_key_published_at_or_after_the_time()
    {
        await Provider.CreateEvent(NewEvent("e", "k", T0.AddMinutes(-1)));
        var exact = await Provider.CreateEvent(NewEvent("e", "k", T0));
        var after = await Provider.CreateEvent(NewEvent("e", "k", T0.AddMinutes(1)));
        await Provider.MarkEventProcessed(after); // processed events are included: WorkflowCore re-opens them
        await Provider.CreateEvent(NewEvent("e", "other", T0.AddMinutes(1)));
        await Provider.CreateEvent(NewEvent("other", "k", T0.AddMinutes(1)));

        Assert.Equal([exact, after], await Provider.GetEvents("e", "k", T0));
        Assert.Empty(await Provider.GetEvents("e", "k", T0.AddMinutes(2)));
    }

    // ------------------------------------------------------------------ errors and store

    [SkippableFact]
    public async Task PersistErrors_stores_every_error()
    {
        await Provider.PersistErrors(
        [
            new ExecutionError { WorkflowId = "wf-1", ExecutionPointerId = "p1", ErrorTime = T0, Message = "boom" },
            new ExecutionError { WorkflowId = "wf-1", ExecutionPointerId = "p2", ErrorTime = T0.AddSeconds(1), Message = "bang" },
        ]);
        await Provider.PersistErrors([new ExecutionError { WorkflowId = "wf-2", ErrorTime = T0.AddSeconds(2), Message = "alone" }]);
        await Provider.PersistErrors([]);

        await using var db = new AppDbContext(StoreOptions);
        var errors = await db.Set<PersistedExecutionError>().OrderBy(e => e.ErrorTime).ToListAsync();
        Assert.Equal(3, errors.Count);
        Assert.Equal(("wf-2", null, "alone"), (errors[2].WorkflowId, errors[2].ExecutionPointerId, errors[2].Message));
        Assert.Equal(("wf-1", "p1", T0, "boom"), (errors[0].WorkflowId, errors[0].ExecutionPointerId, errors[0].ErrorTime, errors[0].Message));
        Assert.Equal(("wf-1", "p2", "bang"), (errors[1].WorkflowId, errors[1].ExecutionPointerId, errors[1].Message));
        Assert.Equal(DateTimeKind.Utc, errors[0].ErrorTime.Kind);
    }

    [SkippableFact]
    public void EnsureStoreExists_passes_on_a_migrated_store_and_fails_clearly_without_the_tables()
    {
        Provider.EnsureStoreExists();

        var empty = new EfPersistenceProvider(new Factory(OpenStore("empty")));
        var error = Assert.Throws<InvalidOperationException>(empty.EnsureStoreExists);
        Assert.Contains("migrations", error.Message);
    }

    [SkippableFact]
    public async Task A_cancelled_token_cancels_the_call()
    {
        var provider = Provider;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetRunnableInstances(T0, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.CreateEvent(NewEvent("e", "k", T0), cancelled.Token));
        Assert.Empty(await provider.GetRunnableEvents(T0));
    }

    // ------------------------------------------------------------------ scheduled commands

    [SkippableFact]
    public async Task ProcessCommands_runs_due_commands_and_deletes_them_and_leaves_future_ones()
    {
        await Provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0.AddMinutes(-1)));
        await Provider.ScheduleCommand(Command(ScheduledCommand.ProcessEvent, "evt-1", T0));
        await Provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-2", T0.AddMinutes(1)));

        var ran = new List<(string, string, long)>();
        await Provider.ProcessCommands(new DateTimeOffset(T0), c => { ran.Add((c.CommandName, c.Data, c.ExecuteTime)); return Task.CompletedTask; });

        Assert.Equal(
            [(ScheduledCommand.ProcessWorkflow, "wf-1", T0.AddMinutes(-1).Ticks), (ScheduledCommand.ProcessEvent, "evt-1", T0.Ticks)],
            ran);
        Assert.Equal([("wf-2", T0.AddMinutes(1).Ticks)], await Commands());

        ran.Clear();
        await Provider.ProcessCommands(new DateTimeOffset(T0), c => { ran.Add((c.CommandName, c.Data, c.ExecuteTime)); return Task.CompletedTask; });
        Assert.Empty(ran);
    }

    [SkippableFact]
    public async Task ScheduleCommand_tolerates_a_duplicate_and_keeps_one_command_at_the_latest_time()
    {
        await Provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0));
        await Provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0.AddMinutes(5)));
        await Provider.ScheduleCommand(Command(ScheduledCommand.ProcessEvent, "wf-1", T0));

        Assert.Equal([("wf-1", T0.Ticks), ("wf-1", T0.AddMinutes(5).Ticks)], (await Commands()).OrderBy(c => c.ExecuteTime).ToList());
    }

    [SkippableFact]
    public async Task ScheduleCommand_tolerates_concurrent_duplicates()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0.AddSeconds(i))))));

        Assert.Single(await Commands());
    }

    [SkippableFact]
    public async Task A_failing_command_stays_scheduled_while_the_others_run()
    {
        await Provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "fails", T0.AddMinutes(-2)));
        await Provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "works", T0.AddMinutes(-1)));
        var ran = new List<string>();

        var error = await Assert.ThrowsAsync<AggregateException>(() => Provider.ProcessCommands(new DateTimeOffset(T0), c =>
        {
            ran.Add(c.Data);
            return c.Data == "fails" ? throw new InvalidOperationException("queue down") : Task.CompletedTask;
        }));

        Assert.Equal(["fails", "works"], ran);
        Assert.Equal("queue down", Assert.Single(error.InnerExceptions).Message);
        Assert.Equal([("fails", T0.AddMinutes(-2).Ticks)], await Commands());

        await Provider.ProcessCommands(new DateTimeOffset(T0), _ => Task.CompletedTask);
        Assert.Empty(await Commands());
    }

    [SkippableFact]
    public async Task A_command_rescheduled_while_it_runs_is_not_deleted()
    {
        await Provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0));

        await Provider.ProcessCommands(new DateTimeOffset(T0), c =>
            Provider.ScheduleCommand(Command(c.CommandName, c.Data, T0.AddHours(1))));

        Assert.Equal([("wf-1", T0.AddHours(1).Ticks)], await Commands());
    }

    // ------------------------------------------------------------------ helpers

    private async Task<string> Create(WorkflowStatus status, DateTime? nextExecution)
    {
        var workflow = NewWorkflow();
        workflow.Status = status;
        workflow.NextExecution = nextExecution?.Ticks;
        return await Provider.CreateNewWorkflow(workflow);
    }

    private async Task<Guid> TokenOf(string id)
    {
        await using var db = new AppDbContext(StoreOptions);
        return await db.Set<PersistedWorkflow>().Where(w => w.Id == id).Select(w => w.ConcurrencyToken).SingleAsync();
    }

    private async Task<List<(string Data, long ExecuteTime)>> Commands()
    {
        await using var db = new AppDbContext(StoreOptions);
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
