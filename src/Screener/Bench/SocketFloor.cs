using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using Screener.Binance.Subscriptions;
using Screener.Binance.Transport;
using Screener.Binance.Universe;
using Screener.Commands;
using Screener.Configuration;
using Screener.Contracts.Time;
using Screener.Hosting;
using static Screener.Bench.IngestBenchReport;

namespace Screener.Bench;

/// <summary>Which client reads the sockets in a <see cref="SocketFloor"/> run.</summary>
public enum FloorClient
{
    /// <summary>A <see cref="ClientWebSocket"/> receive loop: the least any .NET client can spend.</summary>
    Raw,

    /// <summary>Websocket.Client's <c>WebsocketClient</c>, configured as the connector configures it.</summary>
    WebsocketClient,
}

/// <summary>
/// <c>screener bench ingest --socket-floor raw|websocket-client</c>: the same blaster, tape and connection plan as
/// <see cref="IngestBench"/>, read by the barest client there is: per connection, a receive loop (a bare
/// <see cref="ClientWebSocket"/>, or Websocket.Client as the connector uses it) that copies each frame into its own
/// array and counts it. No parse, no book, no graph: the cost of getting frames off loopback sockets on this machine,
/// the part of the ingest budget that no code after the socket can remove.
/// </summary>
public static class SocketFloor
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private static ReadOnlySpan<byte> EventFramePrefix => "{\"e\":"u8;

    public static async Task<SocketFloorResult> RunAsync(IngestBenchOptions options, FloorClient client, TextWriter progress, CancellationToken ct)
    {
        var readyTimeout = TimeSpan.FromSeconds(60 + options.Messages / 20_000.0);
        progress.WriteLine($"starting the blaster: {options.Messages:N0} frames for {options.Symbols} symbols, seed {options.Seed} …");
        await using var blaster = await BlasterProcess.StartAsync(options.Symbols, options.Messages, options.Seed, readyTimeout, ct);
        foreach (var line in blaster.Header) progress.WriteLine($"  blaster: {line}");

        var exchange = SettingsReader.Exchange(HoconFiles.Load("dev", "sqlite")) with { WsBase = blaster.WebSocketBase, RestBase = blaster.RestBase };
        var clock = SystemClock.Instance;
        using var rest = new BinanceRestClient(new BinanceRestSettings { BaseUri = exchange.RestBase }, clock,
            gate: new RestWeightLimiter(new RestLimiterSettings(), clock));
        var universe = await UniverseBuilder.BuildAsync(rest, UniverseSettings.Default, NullLogger.Instance, ct);
        if (universe.Count != options.Symbols)
            throw new BenchException($"the blaster lists {universe.Count} tradable symbols, {options.Symbols} were asked for.");

        var streamsPerConnection = options.Connections is { } wanted
            ? IngestBench.StreamsFor(universe.Names, wanted, exchange.WsBase)
            : exchange.MaxStreamsPerConnection;
        var plan = StreamPlan.Create(universe.Names, BinanceIngest.Kinds, new StreamPlanSettings(exchange.WsBase, streamsPerConnection));
        var subscription = BinanceIngest.SettingsFor(exchange).Connection.Subscription;
        progress.WriteLine($"{Describe(client)}: {plan.Connections.Count} connections, each frame copied out and counted, nothing else");

        var counters = new FloorCounters(options.Warmup, blaster.TapeFrames);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var readers = plan.Connections.Select(c => client == FloorClient.Raw
            ? ReadAsync(c, subscription, counters, stop.Token)
            : ReadWithWebsocketClientAsync(c, subscription, counters, stop.Token)).ToArray();
        try
        {
            await WatchAsync(blaster, counters, readers, progress, ct);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        var childExit = await blaster.StopAsync();
        if (childExit != 0)
            throw new BenchException(childExit is null ? "the blaster did not stop when asked and was killed." : $"the blaster exited with code {childExit}.");
        return new SocketFloorResult(options, client, plan.Connections.Count, blaster.TapeFrames, counters.WindowStart, counters.WindowEnd, counters.Messages);
    }

    public static string Describe(FloorClient client) => client == FloorClient.Raw
        ? "a bare ClientWebSocket receive loop per connection"
        : "a Websocket.Client WebsocketClient per connection (no reconnection, no text conversion)";

    /// <summary>The same, through Websocket.Client: its listening loop hands each frame (already copied) to the handler.</summary>
    private static async Task ReadWithWebsocketClientAsync(
        ConnectionPlan connection, SubscriptionSettings subscription, FloorCounters counters, CancellationToken ct)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = new Websocket.Client.WebsocketClient(connection.Url)
        {
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            IsTextMessageConversionEnabled = false,
        };
        using var frames = client.MessageReceived.Subscribe(message =>
        {
            if (message.Binary is { } frame && frame.AsSpan().StartsWith(EventFramePrefix)) counters.Message();
        });
        using var ended = client.DisconnectionHappened.Subscribe(_ => closed.TrySetResult());
        await client.StartOrFail();
        var requests = SubscriptionPlan.Create(connection.Streams, subscription);
        foreach (var request in requests.Messages)
        {
            await client.SendInstant(request.ToString());
            await Task.Delay(requests.Interval, ct);
        }

        await Task.WhenAny(closed.Task, Task.Delay(Timeout.Infinite, ct));
    }

    /// <summary>Connect, subscribe the planned streams, confirm them, then read until cancelled or the server closes.</summary>
    private static async Task ReadAsync(ConnectionPlan connection, SubscriptionSettings subscription, FloorCounters counters, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(connection.Url, ct);
        var requests = SubscriptionPlan.Create(connection.Streams, subscription);
        foreach (var request in requests.Messages)
        {
            await socket.SendAsync(request.ToUtf8Json(), WebSocketMessageType.Text, endOfMessage: true, ct);
            await Task.Delay(requests.Interval, ct);
        }

        var buffer = new byte[64 * 1024];
        var filled = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(filled), ct);
                if (received.MessageType == WebSocketMessageType.Close) return;
                filled += received.Count;
                if (!received.EndOfMessage)
                {
                    if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    continue;
                }

                var frame = buffer.AsSpan(0, filled).ToArray();
                filled = 0;
                if (frame.AsSpan().StartsWith(EventFramePrefix)) counters.Message();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private static async Task WatchAsync(BlasterProcess blaster, FloorCounters counters, Task[] readers, TextWriter progress, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var last = 0L;
        var lastAt = started;
        var deadline = started;
        while (!counters.Finished.IsCompleted)
        {
            await Task.WhenAny(counters.Finished, Task.Delay(ProgressInterval, ct));
            ct.ThrowIfCancellationRequested();
            if (counters.Finished.IsCompleted) break;
            if (readers.FirstOrDefault(r => r.IsFaulted) is { } failed)
                throw new BenchException($"a socket failed after {counters.Messages:N0} messages: {failed.Exception!.GetBaseException().Message}");
            blaster.ThrowIfExited();

            var now = Stopwatch.GetTimestamp();
            var messages = counters.Messages;
            progress.WriteLine($"  {Stopwatch.GetElapsedTime(started, now).TotalSeconds,5:F1} s  {messages,13:N0} / {counters.Total:N0} messages  " +
                               $"{(messages - last) / Stopwatch.GetElapsedTime(lastAt, now).TotalSeconds,11:N0} msg/s");
            if (messages != last) deadline = now;
            else if (Stopwatch.GetElapsedTime(deadline, now) > ReplyTimeout)
                throw new BenchException($"no progress for {ReplyTimeout.TotalSeconds:F0} s at {messages:N0} of {counters.Total:N0} messages.");
            last = messages;
            lastAt = now;
        }
    }

    /// <summary>Tape frames counted by every socket's loop at once; the window's samples are taken by the loop that crosses its edges.</summary>
    private sealed class FloorCounters(long warmup, long total)
    {
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _messages;

        public long Total => total;

        public long Messages => Volatile.Read(ref _messages);

        public Task Finished => _finished.Task;

        public ResourceSample WindowStart { get; private set; }

        public ResourceSample WindowEnd { get; private set; }

        public void Message()
        {
            var n = Interlocked.Increment(ref _messages);
            if (n == warmup) WindowStart = ResourceSample.Take();
            if (n != total) return;
            WindowEnd = ResourceSample.Take();
            _finished.TrySetResult();
        }
    }
}

/// <summary>The figures of one socket-floor run.</summary>
public sealed record SocketFloorResult(
    IngestBenchOptions Options, FloorClient Client, int Connections, long TapeFrames, ResourceSample Start, ResourceSample End, long Messages)
{
    public long MeasuredMessages => TapeFrames - Options.Warmup;

    public double WallSeconds => (End.Timestamp - Start.Timestamp) / (double)Stopwatch.Frequency;

    public double CpuMicrosPerMessage => (End.Cpu - Start.Cpu).TotalMicroseconds / MeasuredMessages;

    public void Write(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"bench ingest --socket-floor {(Client == FloorClient.Raw ? "raw" : "websocket-client")}: {Options.Symbols} symbols, {Connections} connections, seed {Options.Seed}, " +
                         $"tape {N(TapeFrames)} frames, warm-up {N(Options.Warmup)}; {Environment.ProcessorCount} cores");
        output.WriteLine($"  {SocketFloor.Describe(Client)}: each frame copied into its own array and counted; nothing else");
        output.WriteLine();
        Row(output, "messages", N(MeasuredMessages));
        Row(output, "wall time", $"{WallSeconds:F3} s");
        Row(output, "messages/s", N((long)(MeasuredMessages / WallSeconds)));
        Row(output, "process CPU / message", $"{CpuMicrosPerMessage:F3} µs",
            $"user {(End.UserCpu - Start.UserCpu).TotalMicroseconds / MeasuredMessages:F3} + kernel {(End.KernelCpu - Start.KernelCpu).TotalMicroseconds / MeasuredMessages:F3}");
        Row(output, "GC allocated / message", $"{(End.AllocatedBytes - Start.AllocatedBytes) / (double)MeasuredMessages:F0} B");
        Row(output, "tape frames received", $"{N(Messages)} / {N(TapeFrames)}");
    }
}
