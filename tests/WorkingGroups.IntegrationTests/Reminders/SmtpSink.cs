using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>A real SMTP server on loopback, in process: it keeps what it receives, or refuses when told to.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    public SmtpSink()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => _store.Messages.ToList();

    /// <summary>How many messages to refuse next (with 554) before accepting again; int.MaxValue refuses all.</summary>
    public int RefuseNext { get => _store.Refuse; set => _store.Refuse = value; }

    public int Refused => _store.RefusedCount;

    public IEnumerable<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(x => x.Address.Equals(address, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived in total.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (_store.Messages.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {count} messages within {seconds}s, got {_store.Messages.Count}");
            await Task.Delay(100);
        }
        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store : MessageStore
    {
        public readonly ConcurrentQueue<MimeMessage> Messages = new();
        public volatile int Refuse;
        public int RefusedCount;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Refuse > 0)
            {
                if (Refuse != int.MaxValue) Refuse--;
                Interlocked.Increment(ref RefusedCount);
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "refused by the test");
            }
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
