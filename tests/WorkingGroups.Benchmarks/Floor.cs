using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Benchmarks;

/// <summary>
/// Scenario 1b, the floor: the least an authenticated, durable HTTP write costs on this stack. A bare ASP.NET Core
/// minimal API with EF Core on SQLite and the app's settings, run as the app is (a child process of this harness's
/// build, on loopback, with the app's runtime settings), so that its CPU is read from /proc alone. Each request, in one
/// transaction: the bearer token found by its SHA-256 hash, one row read and updated, one audit row appended. It is
/// driven by the same client and walk as the app (<see cref="StepWalk"/>: a "process" here is one row written five
/// times, as a Kazakh walk is five completions), at the same concurrencies.
/// </summary>
public sealed class Floor : IProcessDriver, IWalkedInTurns, IAsyncDisposable
{
    public const string ServeArgument = "--floor-server";
    private const int Rows = 512;
    private static readonly string[] Writes = ["1", "2", "3", "4", "5"];

    private readonly ChildApp _server;
    private readonly HttpClient _client;
    private readonly Guid[] _rows;
    private int _next = -1;
    private readonly Dictionary<int, List<(WalkRun Run, double CpuMs)>> _runs = [];

    private Floor(ChildApp server, string token, Guid[] rows)
    {
        _server = server;
        _client = server.Client(token);
        _rows = rows;
    }

    public static async Task RunAsync(Settings settings, Results results)
    {
        await using var floor = await StartAsync(settings);
        await floor.WarmUpAsync(settings);
        await floor.WalkAloneAsync(settings, results);
    }

    public static async Task<Floor> StartAsync(Settings settings)
    {
        var folder = settings.NewFolder("floor");
        var file = Path.Combine(folder, "floor.db");
        var token = "wg_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var rows = Enumerable.Range(0, Rows).Select(_ => Guid.NewGuid()).ToArray();
        await using (var db = FloorDb.Open(file))
        {
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"); // as the app's DatabaseInitializer: persistent in the file
            db.Tokens.Add(new FloorToken { Hash = HashOf(token), UserId = "floor@bench.local" });
            db.Items.AddRange(rows.Select(id => new FloorItem { Id = id, Version = Guid.NewGuid() }));
            await db.SaveChangesAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the file is the child's from here on

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder };
        start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        start.ArgumentList.Add(ServeArgument);
        start.ArgumentList.Add(file);
        return new Floor(await ChildApp.StartAsync(start), token, rows);
    }

    /// <summary>The same unmeasured load as the app gets before its walks (<see cref="StepWalk.WarmUpAsync"/>).</summary>
    public Task WarmUpAsync(Settings settings) => StepWalk.WarmUpAsync(this, settings.WarmUp);

    public Task<(Guid Id, IReadOnlyList<string> Active)> StartAsync()
    {
        // Rows in turn: more rows than clients, so no two clients write one row at once, as no two write one process.
        var row = _rows[(int)((uint)Interlocked.Increment(ref _next) % Rows)];
        return Task.FromResult<(Guid, IReadOnlyList<string>)>((row, Writes));
    }

    public async Task<IReadOnlyList<string>> CompleteAsync(Guid processId, string stepId)
    {
        using var response = await _client.PostAsJsonAsync($"items/{processId}/writes", new { on = DateOnly.FromDateTime(DateTime.UtcNow) });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"the floor answered {(int)response.StatusCode}: {body}");
        return Writes[(Array.IndexOf(Writes, stepId) + 1)..];
    }

    public async Task WalkAsync(Settings settings, int clients, bool measured)
    {
        var ticks = _server.CpuTicks();
        var run = await StepWalk.RunAsync(this, clients, settings.ProcessesPerClient(clients));
        var cpuMs = (_server.CpuTicks() - ticks) * 10.0 / run.Completions; // clock ticks of 10 ms; starts cost the server nothing
        if (measured) (_runs.TryGetValue(clients, out var runs) ? runs : _runs[clients] = []).Add((run, cpuMs));
    }

    public void AddRows(Results results, int clients)
    {
        var runs = _runs.GetValueOrDefault(clients, []);
        results.Add("1b floor", $"writes per second, concurrency {clients}", Measure.Median(runs.Select(r => r.Run.PerSecond)), "/s", "HTTP, bearer checked, durable");
        results.Add("1b floor", $"server CPU per write, concurrency {clients}", Measure.Median(runs.Select(r => r.CpuMs)), "ms", "from /proc");
        foreach (var p in new[] { 50, 95, 99 })
            results.Add("1b floor", $"p{p} latency, concurrency {clients}", Measure.Median(runs.Select(r => Measure.Percentile(r.Run.LatenciesMs, p))), "ms");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The child process: serves the floor's one write (and /health) until it is killed.</summary>
    public static async Task ServeAsync(string file)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Pooled, as the app's contexts are: the cheapest way EF Core offers to get one per request.
        builder.Services.AddPooledDbContextFactory<FloorDb>(options => FloorDb.Configure(options, file));
        var app = builder.Build();
        app.MapGet("/health", () => TypedResults.Ok());
        app.MapPost("/items/{id:guid}/writes", WriteAsync);
        await app.RunAsync();
    }

    private static async Task<IResult> WriteAsync(Guid id, FloorWrite write, HttpContext http, IDbContextFactory<FloorDb> contexts)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return TypedResults.Unauthorized();
        var hash = HashOf(header["Bearer ".Length..].Trim());
        var aborted = http.RequestAborted;
        await using var db = await contexts.CreateDbContextAsync(aborted);
        // The save is the transaction's only one: EF Core's savepoint around it would be two statements for nothing.
        db.Database.AutoSavepointsEnabled = false;
        IResult answer = TypedResults.Unauthorized();
        // The app's way of taking turns to write, around the whole transaction: begun IMMEDIATE, it holds SQLite's one
        // write lock from its first statement, and the turn keeps the others from sleeping in SQLite's busy handler.
        await SqliteWriteQueue.SaveAsync(db, async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(aborted);
            var user = await db.Tokens.Where(t => t.Hash == hash && t.RevokedAt == null).Select(t => t.UserId).SingleOrDefaultAsync(aborted);
            if (user is null) return 0;
            var item = await db.Items.SingleOrDefaultAsync(i => i.Id == id, aborted);
            if (item is null)
            {
                answer = TypedResults.NotFound();
                return 0;
            }
            var now = DateTime.UtcNow;
            item.Writes++;
            item.WrittenOn = write.On;
            item.WrittenAt = now;
            item.Version = Guid.NewGuid();
            db.Audit.Add(new FloorAudit { ItemId = id, At = now, By = user, What = $"write {item.Writes} on {write.On:yyyy-MM-dd}" });
            var saved = await db.SaveChangesAsync(aborted);
            await transaction.CommitAsync(aborted);
            answer = TypedResults.Ok(new FloorAnswer(item.Id, item.Writes, item.Version));
            return saved;
        }, aborted);
        return answer;
    }
}

public sealed record FloorWrite(DateOnly On);

public sealed record FloorAnswer(Guid Id, int Writes, Guid Version);

public sealed class FloorToken
{
    public int Id { get; set; }
    public required string Hash { get; set; }
    public required string UserId { get; set; }
    public DateTime? RevokedAt { get; set; }
}

public sealed class FloorItem
{
    public Guid Id { get; set; }
    public int Writes { get; set; }
    public DateOnly? WrittenOn { get; set; }
    public DateTime? WrittenAt { get; set; }
    public Guid Version { get; set; }
}

public sealed class FloorAudit
{
    public long Id { get; set; }
    public Guid ItemId { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public required string What { get; set; }
}

/// <summary>The floor's three tables, on SQLite with the app's connection string and per-connection pragmas.</summary>
public sealed class FloorDb(DbContextOptions<FloorDb> options) : DbContext(options)
{
    public DbSet<FloorToken> Tokens => Set<FloorToken>();
    public DbSet<FloorItem> Items => Set<FloorItem>();
    public DbSet<FloorAudit> Audit => Set<FloorAudit>();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string file) =>
        options.UseSqlite(DatabaseOptions.SqliteFile(file)).AddInterceptors(new SqlitePragmas());

    public static FloorDb Open(string file) => new(((DbContextOptionsBuilder<FloorDb>)Configure(new DbContextOptionsBuilder<FloorDb>(), file)).Options);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<FloorToken>().HasIndex(t => t.Hash).IsUnique();
        model.Entity<FloorAudit>().HasIndex(a => a.ItemId);
    }
}
