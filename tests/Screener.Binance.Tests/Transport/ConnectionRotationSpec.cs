using Screener.Contracts;
using Screener.Contracts.Market;
using Xunit.Abstractions;

namespace Screener.Binance.Tests.Transport;

/// <summary>Planned rotation before the 24-hour cut, shortened to fractions of a second, against a server that publishes a numbered tape.</summary>
public sealed class ConnectionRotationSpec(ITestOutputHelper output) : ConnectionSpecBase(output)
{
    private readonly ITestOutputHelper _output = output;

    private const string Stream = "btcusdt@aggTrade";

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Rotation_must_switch_to_a_new_connection_without_losing_or_repeating_a_frame()
    {
        var settings = Subscribing(Stream) with
        {
            MaxConnectionAge = TimeSpan.FromMilliseconds(500),
            NoDataTimeout = TimeSpan.FromSeconds(2),
            // The frames are read only after the rotations: room for all of them, so no switch waits for the reader.
            ChannelCapacity = 10_000,
        };
        var queue = Run(settings);
        await AwaitAssertAsync(() => Assert.True(Counters.IsUp), Wait);

        // The exchange publishes one numbered trade every 2 ms to every subscriber, identically, across ~3 rotations.
        using var stop = new CancellationTokenSource();
        var published = 0L;
        var publisher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Server.PublishAsync(Stream, AggTrade(Interlocked.Increment(ref published)));
                await Task.Delay(2);
            }
        });
        await AwaitAssertAsync(() => Assert.True(Counters.Rotations >= 3), TimeSpan.FromSeconds(8), TimeSpan.FromMilliseconds(50));
        await stop.CancelAsync();
        await publisher;
        var last = Interlocked.Read(ref published);
        // Until the last trade and the Connected of every switch: when the old connection was ahead, the last switch
        // comes after the last trade (every frame of the new connection was a duplicate).
        var (seenLast, connected) = (false, 0);
        var frames = await NextUntil(queue, f =>
        {
            seenLast |= IsData(f) && AggIdOf(f) == last;
            connected += IsConnected(f) ? 1 : 0;
            return seenLast && connected == Counters.Rotations + 1;
        });

        var ids = frames.Where(IsData).Select(AggIdOf).ToArray();
        _output.WriteLine($"{ids.Length} trades, last published {last}, {Counters}");
        _output.WriteLine(string.Join(" ", frames.Select((f, i) => f.Kind == RawFrameKind.Status ? $"[{i}:{StatusOf(f).GetType().Name}]" : IsData(f) ? "" : "r")
            .Where(x => x.Length > 0)));
        Assert.Equal(Enumerable.Range(1, ids.Length).Select(i => (long)i), ids);
        var statuses = frames.Where(f => f.Kind == RawFrameKind.Status).Select(StatusOf).ToArray();
        // The first session confirms its subscriptions once; every rotation then announces only its new socket.
        Assert.IsType<Subscribed>(statuses[1]);
        Assert.All(statuses.Where((_, i) => i != 1), s => Assert.IsType<Connected>(s));
        Assert.True(statuses.Length >= 5, $"{statuses.Length} statuses");
        Assert.Equal((0L, 0L, 0L), (Counters.Restarts, Counters.Disconnects, Counters.RotationFailures));
        Assert.True(Server.Connections >= 4);
        Assert.Contains(Lines.Lines, l => l.Contains("s0/market rotating: connection age", StringComparison.Ordinal));
        Assert.Contains(Lines.Lines, l => l.Contains("s0/market rotated: switched to session", StringComparison.Ordinal));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Rotation_must_close_the_old_connection_once_the_new_one_emits()
    {
        var queue = Run(Subscribing(Stream) with { MaxConnectionAge = TimeSpan.FromMilliseconds(300), NoDataTimeout = TimeSpan.FromSeconds(2) });
        await AwaitAssertAsync(() => Assert.True(Counters.IsUp), Wait);

        for (var id = 1; Counters.Rotations == 0 && id < 2000; id++)
        {
            await Server.PublishAsync(Stream, AggTrade(id));
            await Task.Delay(5);
        }

        Assert.Equal(1, Counters.Rotations);
        await AwaitAssertAsync(() => Assert.Single(Server.OpenConnections), Wait);
        Assert.Equal([Stream], Server.OpenConnections.Single().Subscriptions);
        Assert.True(Counters.Confirmations >= 2);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Rotation_must_keep_the_old_connection_when_the_new_one_cannot_be_confirmed()
    {
        var settings = Subscribing(Stream) with
        {
            MaxConnectionAge = TimeSpan.FromMilliseconds(300),
            NoDataTimeout = TimeSpan.FromSeconds(3),
            RotationRetryDelay = TimeSpan.FromSeconds(30),
        };
        var queue = Run(settings);
        await AwaitAssertAsync(() => Assert.True(Counters.IsUp), Wait);
        Server.IgnoredStreams[Stream] = true;

        await AwaitAssertAsync(() => Assert.Equal(1, Counters.RotationFailures), Wait);
        await Server.PublishAsync(Stream, AggTrade(1));
        var frames = await NextUntil(queue, IsData);

        Assert.Equal(1, AggIdOf(frames[^1]));
        Assert.Equal([typeof(Connected), typeof(Subscribed)], frames.Where(f => f.Kind == RawFrameKind.Status).Select(f => StatusOf(f).GetType()));
        Assert.Equal((0L, 0L, 0L), (Counters.Restarts, Counters.Disconnects, Counters.Rotations));
        Assert.Contains(Lines.Lines, l => l.Contains("s0/market rotation failed: subscription not confirmed", StringComparison.Ordinal)
                                          && l.Contains("keeping the current connection", StringComparison.Ordinal));
        await AwaitAssertAsync(() => Assert.Single(Server.OpenConnections), Wait);
    }
}
