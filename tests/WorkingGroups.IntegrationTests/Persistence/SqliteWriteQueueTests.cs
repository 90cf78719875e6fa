using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.IntegrationTests.Persistence;

/// <summary>
/// Saves to one SQLite file take turns in the process (<see cref="SqliteWriteQueue"/>): every save still lands, a failed
/// one hands the turn on, and a save inside a transaction that already holds SQLite's lock never waits for a turn
/// taken by a save that waits for that lock.
/// </summary>
public sealed class SqliteWriteQueueTests : IDisposable
{
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(30);

    private readonly string _folder = Directory.CreateTempSubdirectory("wg-write-queue-").FullName;

    private AppDbContext Open()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        new DatabaseOptions(DatabaseProvider.Sqlite, DatabaseOptions.SqliteFile(Path.Combine(_folder, "app.db"))).Apply(options);
        return new AppDbContext(options.Options);
    }

    private static Reminder NewReminder(Guid process, string body) => new()
    {
        ProcessId = process, StepId = "invitations", BodyId = body, Kind = ReminderKind.Reminder, Sequence = 1,
        DueOn = new DateOnly(2026, 3, 12), Status = MailStatus.Due, CreatedAt = DateTime.UtcNow,
    };

    private async Task SaveAsync(params Reminder[] reminders)
    {
        await using var db = Open();
        db.Reminders.AddRange(reminders);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Saves_at_once_all_land_and_a_refused_one_hands_the_turn_on()
    {
        await using (var db = Open()) await db.Database.EnsureCreatedAsync();
        var process = Guid.NewGuid();
        await Task.WhenAll(Enumerable.Range(0, 64).Select(n => Task.Run(() => SaveAsync(NewReminder(process, $"body-{n}"))))).WaitAsync(Stuck);

        // The same reminder again: the unique key refuses it, and the next save is not kept waiting for its turn.
        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(NewReminder(process, "body-7")));
        await SaveAsync(NewReminder(process, "body-64")).WaitAsync(Stuck);

        await using (var db = Open())
            Assert.Equal(Enumerable.Range(0, 65).Select(n => $"body-{n}").Order(), (await db.Reminders.Select(r => r.BodyId).ToListAsync()).Order());
    }

    [Fact]
    public async Task A_save_inside_a_transaction_that_holds_the_lock_does_not_wait_for_a_save_queued_behind_it()
    {
        await using (var db = Open()) await db.Database.EnsureCreatedAsync();
        var process = Guid.NewGuid();

        await using var holder = Open();
        await using var transaction = await holder.Database.BeginTransactionAsync();
        holder.Reminders.Add(NewReminder(process, "first"));
        await holder.SaveChangesAsync(); // the transaction now holds SQLite's write lock

        // Another save takes its turn and waits in SQLite for that lock.
        var queued = Task.Run(() => SaveAsync(NewReminder(process, "queued")));
        await Task.Delay(300);
        Assert.False(queued.IsCompleted, "the second save should be waiting for the transaction's lock");

        // The transaction's next save does not queue behind it: were it to, the queued save would give up on SQLite's
        // lock after the busy timeout, with "database is locked".
        holder.Reminders.Add(NewReminder(process, "second"));
        await holder.SaveChangesAsync().WaitAsync(Stuck);
        await transaction.CommitAsync();
        await queued.WaitAsync(Stuck);

        await using (var db = Open())
            Assert.Equal(["first", "queued", "second"], (await db.Reminders.Select(r => r.BodyId).ToListAsync()).Order());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a connection may still be closing */ }
    }
}
