using System.Diagnostics;
using System.Net.WebSockets;
using Screener.Binance.Subscriptions;
using Screener.Contracts;
using Screener.Contracts.Market;
using Xunit.Abstractions;

namespace Screener.Binance.Tests.Transport;

/// <summary>SUBSCRIBE, pacing and LIST_SUBSCRIPTIONS confirmation after every (re)connect, against a loopback server.</summary>
public sealed class ConnectionSubscriptionSpec(ITestOutputHelper output) : ConnectionSpecBase(output)
{
    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Connection_must_subscribe_on_the_bare_endpoint_and_confirm_with_list_subscriptions()
    {
        var queue = Run(Subscribing("btcusdt@aggTrade", "btcusdt@markPrice@1s", "ethusdt@aggTrade"));

        var frames = await NextUntil(queue, f => Text(f).Contains("\"result\":[", StringComparison.Ordinal));
        await AwaitAssertAsync(() => Assert.True(Counters.IsUp), Wait);
        await Server.PublishAsync("ethusdt@aggTrade", AggTrade(5, "ETHUSDT"));
        var afterReplies = await NextUntil(queue, IsData);
        var data = afterReplies[^1];

        var messages = Server.ReceivedOn(1);
        Assert.Equal(["SUBSCRIBE", "LIST_SUBSCRIPTIONS"], messages.Select(m => m.Method));
        Assert.Equal(["btcusdt@aggTrade", "btcusdt@markPrice@1s", "ethusdt@aggTrade"], messages[0].Streams);
        Assert.Equal([1L, 2L], messages.Select(m => m.Id));
        Assert.Contains("/market/ws", Server.Requests);
        // The Connected status, then the replies as received (journaled like any frame), then data.
        Assert.True(IsConnected(frames[0]));
        Assert.Equal(["""{"result":null,"id":1}""", """{"result":["btcusdt@aggTrade","btcusdt@markPrice@1s","ethusdt@aggTrade"],"id":2}"""],
            frames.Skip(1).Select(Text));
        // Once confirmed, the tracked streams are announced so the node can watch each for silence.
        Assert.Equal(
            new Subscribed(Fixture.TsInit, Fixture.TsInit, 0, "s0/market",
                new SymbolStream[] { new("BTCUSDT", "trade"), new("BTCUSDT", "mark-price"), new("ETHUSDT", "trade") }),
            StatusOf(Assert.Single(afterReplies, f => f.Kind == RawFrameKind.Status)));
        Assert.Equal(5, AggIdOf(data));
        Assert.Equal((1L, 2L, 3), (Counters.Confirmations, Counters.ControlMessagesSent, Counters.Streams));
        Assert.Contains(Lines.Lines, l => l.Contains("s0/market subscribed 3 streams, confirmed by LIST_SUBSCRIPTIONS", StringComparison.Ordinal));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Connection_must_never_send_control_messages_faster_than_the_paced_rate()
    {
        var streams = Enumerable.Range(0, 450).Select(i => $"s{i}usdt@aggTrade").ToArray();
        var settings = Subscribing(streams) with { Subscription = SubscriptionSettings.Default };

        Run(settings);
        await AwaitAssertAsync(() => Assert.True(Counters.IsUp), Wait);

        var messages = Server.ReceivedOn(1);
        Assert.Equal(["SUBSCRIBE", "SUBSCRIBE", "SUBSCRIBE", "SUBSCRIBE", "SUBSCRIBE", "LIST_SUBSCRIPTIONS"], messages.Select(m => m.Method));
        Assert.All(messages.SkipLast(1), m => Assert.True(m.Streams.Length <= 100));
        Assert.Equal(streams, messages.SelectMany(m => m.Streams));
        // 5 messages per second at most: any six consecutive arrivals span a second. Measured where they arrive, so a
        // little transport jitter (one message delayed, the next on time) is allowed.
        var arrivals = messages.Select(m => m.Timestamp).ToArray();
        for (var i = 0; i + 5 < arrivals.Length; i++)
            Assert.True(Stopwatch.GetElapsedTime(arrivals[i], arrivals[i + 5]) >= TimeSpan.FromMilliseconds(950),
                $"messages {i}..{i + 5} arrived within {Stopwatch.GetElapsedTime(arrivals[i], arrivals[i + 5]).TotalMilliseconds} ms");
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Connection_must_resubscribe_missing_streams_once_then_fail_with_a_clear_cause()
    {
        Server.IgnoredStreams["ethusdt@aggTrade"] = true;

        var queue = Run(Subscribing("btcusdt@aggTrade", "ethusdt@aggTrade"));
        var frames = await NextUntil(queue, IsDisconnected);

        const string reason = "subscription not confirmed: 1 of 2 planned streams still missing from LIST_SUBSCRIPTIONS " +
                              "after one re-subscribe (ethusdt@aggTrade)";
        Assert.Equal(reason, ((Disconnected)StatusOf(frames[^1])).Reason);
        var messages = Server.ReceivedOn(1);
        Assert.Equal(["SUBSCRIBE", "LIST_SUBSCRIPTIONS", "SUBSCRIBE", "LIST_SUBSCRIPTIONS"], messages.Select(m => m.Method));
        Assert.Equal(["ethusdt@aggTrade"], messages[2].Streams);
        Assert.Equal([1L, 2L, 3L, 4L], messages.Select(m => m.Id));
        await AwaitAssertAsync(() => Assert.True(Counters.Restarts >= 1), Wait);
        Assert.True(Counters.Resubscribes >= 1);
        Assert.True(Counters.SubscriptionFailures >= 1);
        Assert.Equal(reason, Counters.LastDisconnectReason);
        Assert.Contains(Lines.Lines, l => l.Contains("LIST_SUBSCRIPTIONS lacks 1 of 2 planned streams (ethusdt@aggTrade); re-subscribing them once",
            StringComparison.Ordinal));
        Assert.Contains(Lines.Lines, l => l.Contains($"s0/market disconnected: {reason}", StringComparison.Ordinal));
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Connection_must_be_confirmed_when_the_resubscribe_fills_the_gap()
    {
        Server.IgnoredOnce["ethusdt@aggTrade"] = true;

        Run(Subscribing("btcusdt@aggTrade", "ethusdt@aggTrade"));

        await AwaitAssertAsync(() => Assert.True(Counters.IsUp), Wait);
        Assert.Equal((1L, 1L, 0L, 0L), (Counters.Confirmations, Counters.Resubscribes, Counters.SubscriptionFailures, Counters.Disconnects));
        Assert.Equal(["btcusdt@aggTrade", "ethusdt@aggTrade"], Server.OpenConnections.Single().Subscriptions);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Connection_must_fail_when_a_subscribe_is_rejected()
    {
        Server.SubscribeError = """{"code":4,"msg":"Too many subscriptions"}""";

        var queue = Run(Subscribing("btcusdt@aggTrade"));
        var frames = await NextUntil(queue, IsDisconnected);

        Assert.Equal("SUBSCRIBE id 1 rejected: code 4 'Too many subscriptions'", ((Disconnected)StatusOf(frames[^1])).Reason);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Connection_must_fail_when_the_server_never_answers()
    {
        Server.AnswerControl = false;
        var settings = Subscribing("btcusdt@aggTrade") with
        {
            Subscription = new SubscriptionSettings { MessagesPerSecond = 10, ReplyTimeout = TimeSpan.FromMilliseconds(300) },
        };

        var queue = Run(settings);
        var frames = await NextUntil(queue, IsDisconnected);

        Assert.Equal("no reply to SUBSCRIBE/LIST_SUBSCRIPTIONS within 0.3 s", ((Disconnected)StatusOf(frames[^1])).Reason);
    }

    [Fact(Timeout = Fixture.SocketSpecTimeout)]
    public async Task Connection_must_resubscribe_and_reconfirm_after_every_reconnect_with_increasing_ids()
    {
        var queue = Run(Subscribing("btcusdt@aggTrade", "btcusdt@forceOrder"));
        await AwaitAssertAsync(() => Assert.True(Counters.IsUp), Wait);

        await Server.OpenConnections.Single().CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
        await AwaitAssertAsync(() => Assert.Equal(2, Counters.Confirmations), Wait);
        await Server.PublishAsync("btcusdt@aggTrade", AggTrade(9));
        var frames = await NextUntil(queue, IsData);

        var statuses = frames.Where(f => f.Kind == RawFrameKind.Status).Select(StatusOf).ToArray();
        // forceOrder is subscribed but not watched for silence: liquidations are rare by nature.
        var tracked = new Subscribed(Fixture.TsInit, Fixture.TsInit, 0, "s0/market", new SymbolStream[] { new("BTCUSDT", "trade") });
        Assert.Equal(
            new MarketEvent[]
            {
                new Connected(Fixture.TsInit, Fixture.TsInit, 0, "s0/market"),
                tracked,
                new Disconnected(Fixture.TsInit, Fixture.TsInit, 0, "s0/market", "closed by server (close 1000 NormalClosure 'bye')"),
                new Connected(Fixture.TsInit, Fixture.TsInit, 0, "s0/market"),
                tracked,
            },
            statuses);
        var first = Server.ReceivedOn(1);
        var second = Server.ReceivedOn(2);
        Assert.Equal(first.Select(m => (m.Method, string.Join(',', m.Streams))), second.Select(m => (m.Method, string.Join(',', m.Streams))));
        Assert.True(second.Min(m => m.Id) > first.Max(m => m.Id));
        Assert.Equal(["btcusdt@aggTrade", "btcusdt@forceOrder"], Server.OpenConnections.Single().Subscriptions);
        Assert.Equal(9, AggIdOf(frames[^1]));
    }
}
