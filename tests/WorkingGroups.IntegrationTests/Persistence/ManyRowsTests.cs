using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.IntegrationTests.Persistence;

/// <summary>
/// The sweep's many-row insert writes past EF Core's change tracker on SQLite: what it stores must read back through
/// EF Core exactly as EF Core would have stored it, and a failed row must leave none of the set behind.
/// </summary>
public sealed class ManyRowsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wg-many-rows-").FullName;

    private AppDbContext Open() => new(new DbContextOptionsBuilder<AppDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_folder, "app.db")}").AddInterceptors(new SqlitePragmas()).Options);

    private static Reminder NewReminder(Guid process, string body, ReminderKind kind, int sequence, DateOnly dueOn) => new()
    {
        ProcessId = process,
        StepId = "invitations",
        BodyId = body,
        Kind = kind,
        Sequence = sequence,
        DueOn = dueOn,
        Status = MailStatus.Due,
        CreatedAt = new DateTime(2026, 3, 12, 9, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567),
    };

    [Fact]
    public async Task Rows_read_back_through_EF_Core_as_they_were_given_and_are_found_by_its_queries()
    {
        await using (var db = Open()) await db.Database.EnsureCreatedAsync();
        var process = Guid.NewGuid();
        var rows = new List<Reminder>
        {
            NewReminder(process, "mfa", ReminderKind.Reminder, 1, new DateOnly(2026, 3, 12)),
            NewReminder(process, "mfa", ReminderKind.Escalation, 2, new DateOnly(2026, 3, 19)),
            NewReminder(Guid.NewGuid(), "ministry-of-ecology", ReminderKind.Reminder, 1, new DateOnly(2026, 3, 12)),
        };
        rows[1].Language = "ru";
        rows[1].Note = "Напоминание: ответ не получен";
        rows[1].ScheduledAt = new DateTime(2026, 3, 19, 8, 0, 0, DateTimeKind.Utc);
        rows[2].Channel = ReminderChannel.Letter;
        rows[2].LetterNumber = "04-12/355";

        await using (var db = Open()) await ManyRows.InsertAsync(db, rows, CancellationToken.None);

        Assert.All(rows, r => Assert.True(r.Id > 0));
        await using (var db = Open())
        {
            var stored = await db.Reminders.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(rows.Select(r => JsonSerializer.Serialize(r)), stored.Select(r => JsonSerializer.Serialize(r)));
            var found = await db.Reminders.Where(r => r.ProcessId == process && r.Kind == ReminderKind.Escalation && r.DueOn == new DateOnly(2026, 3, 19))
                .Select(r => r.Id).SingleAsync();
            Assert.Equal(rows[1].Id, found);
        }
    }

    [Fact]
    public async Task A_row_whose_key_is_taken_leaves_none_of_its_set_written()
    {
        var process = Guid.NewGuid();
        await using (var db = Open())
        {
            await db.Database.EnsureCreatedAsync();
            db.Reminders.Add(NewReminder(process, "mfa", ReminderKind.Reminder, 1, new DateOnly(2026, 3, 12)));
            await db.SaveChangesAsync();
        }

        var rows = new List<Reminder>
        {
            NewReminder(process, "akimat", ReminderKind.Reminder, 1, new DateOnly(2026, 3, 12)),
            NewReminder(process, "mfa", ReminderKind.Reminder, 1, new DateOnly(2026, 3, 12)), // the unique key of the row above
        };
        await using (var db = Open())
        {
            await Assert.ThrowsAnyAsync<DbException>(() => ManyRows.InsertAsync(db, rows, CancellationToken.None));
        }

        await using (var db = Open())
        {
            Assert.Equal(["mfa"], await db.Reminders.Select(r => r.BodyId).ToListAsync());
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
