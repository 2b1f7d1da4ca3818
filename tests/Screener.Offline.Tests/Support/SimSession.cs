using System.Buffers;
using System.Text;
using System.Text.Json;
using Screener.Binance.Subscriptions;
using Screener.Binance.Transport;
using Screener.Contracts;
using Screener.Contracts.Time;
using Screener.Sim.Market;
using StreamNames = Screener.Binance.Subscriptions.StreamNames;

namespace Screener.Offline.Tests.Support;

/// <summary>
/// What to record (<see cref="SimSession"/>). Steps are the simulator's 100 ms market steps; a fault window is given
/// in steps.
/// </summary>
/// <param name="GapSymbol">When set, one of its depth diffs is withheld at <paramref name="GapStep"/> (the simulator's
/// <c>gap</c> fault) and a fresh REST snapshot follows <paramref name="ResyncDelaySteps"/> steps later, as the node's
/// snapshot service would fetch it.</param>
/// <param name="SilentSymbol">No frames of this symbol for <paramref name="SilentSteps"/> steps from <paramref name="SilentFrom"/>
/// (the <c>silent</c> fault); its depth chain breaks too, and a snapshot follows as for a gap.</param>
/// <param name="PauseFrom">The exchange writes nothing for <paramref name="PauseSteps"/> steps (the <c>pause</c> fault):
/// the node injects a heartbeat every second, then the backlog arrives at once.</param>
/// <param name="MalformedAtStep">One truncated frame on the public connection after this step.</param>
internal sealed record SimSessionOptions(
    ulong Seed = 7,
    int Symbols = 6,
    int Steps = 1_000,
    string? GapSymbol = null,
    int GapStep = 400,
    int ResyncDelaySteps = 12,
    string? SilentSymbol = "SOLUSDT",
    int SilentFrom = 250,
    int SilentSteps = 80,
    int PauseFrom = 600,
    int PauseSteps = 30,
    int MalformedAtStep = 150);

/// <summary>
/// A session of the simulated exchange recorded the way a node journals it, stepped offline (no sockets, no wall
/// clock, so a few hundred ticks take a fraction of a second and every run is the same): the market model of
/// <see cref="SimMarket"/> with the node's default streams (<c>@depth@100ms</c>, <c>@bookTicker</c> on
/// <c>s0/public</c>; <c>@aggTrade</c>, <c>@markPrice@1s</c>, <c>@forceOrder</c> on <c>s0/market</c>) in the
/// combined-stream wrapper the exchange sends; the connections' <c>Connected</c> and <c>Subscribed</c> status frames
/// (<see cref="StatusFrames"/>); one REST depth snapshot per symbol in the connector's <see cref="RestEnvelope"/>,
/// fetched a few steps after its first diffs; heartbeats while nothing arrives; and sequence numbers in arrival
/// order. Receive times are the exchange time plus a small latency.
/// </summary>
internal static class SimSession
{
    public const string PublicConnection = "s0/public";
    public const string MarketConnection = "s0/market";

    private static readonly StreamKind[] PublicKinds = [StreamKind.Depth, StreamKind.BookTicker];
    private static readonly StreamKind[] MarketKinds = [StreamKind.AggTrade, StreamKind.MarkPrice, StreamKind.ForceOrder];
    private static readonly long Latency = TimeSpan.FromMilliseconds(3).Ticks;
    private static readonly long HeartbeatInterval = TimeSpan.FromSeconds(1).Ticks;

    public static List<RawFrame> Record(SimSessionOptions options)
    {
        var market = new SimMarket(new SimMarketSettings(options.Seed, options.Symbols));
        var symbols = market.Symbols.Select(s => s.Symbol).ToList();
        var connectionOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            foreach (var kind in PublicKinds) connectionOf[StreamNames.Of(symbol, kind)] = PublicConnection;
            foreach (var kind in MarketKinds) connectionOf[StreamNames.Of(symbol, kind)] = MarketConnection;
        }

        var frames = new List<RawFrame>();
        var start = UtcTime.FromUnixMs(market.NowMs);
        foreach (var connection in new[] { PublicConnection, MarketConnection })
        {
            frames.Add(StatusFrames.Connected(connection, start));
            frames.Add(StatusFrames.Subscribed(connection, connectionOf.Where(kv => kv.Value == connection).Select(kv => kv.Key), start));
        }

        var held = new List<(string Connection, RawFrameKind Kind, byte[] Payload)>();
        var snapshotDue = symbols.Select((s, i) => (Symbol: s, Step: 3 + i)).ToList();
        var gapDone = false;
        var broken = new HashSet<string>(StringComparer.Ordinal);
        var last = start;
        for (var step = 1; step <= options.Steps; step++)
        {
            var events = market.Step(connectionOf.ContainsKey);
            var now = UtcTime.FromUnixMs(market.NowMs) + Latency;
            foreach (var e in events)
            {
                var symbol = SymbolOf(e.Stream);
                var depth = e.Stream.Contains("@depth", StringComparison.Ordinal);
                var silent = symbol == options.SilentSymbol && step >= options.SilentFrom && step < options.SilentFrom + options.SilentSteps;
                var gap = !gapDone && depth && symbol == options.GapSymbol && step >= options.GapStep;
                if (silent || gap)
                {
                    gapDone |= gap;
                    if (depth) broken.Add(symbol);
                    continue;
                }
                // The first diff after withheld ones breaks the chain; the node's snapshot service answers with a fresh snapshot.
                if (depth && broken.Remove(symbol)) snapshotDue.Add((symbol, step + options.ResyncDelaySteps));
                held.Add((connectionOf[e.Stream], RawFrameKind.WebSocket, Wrap(e.Stream, e.Payload)));
            }
            if (step == options.MalformedAtStep) held.Add((PublicConnection, RawFrameKind.WebSocket, "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":"u8.ToArray()));
            foreach (var (symbol, _) in snapshotDue.Where(d => d.Step == step))
                held.Add((PublicConnection, RawFrameKind.Rest, RestEnvelope.Depth(symbol, DepthBody(market, symbol))));

            if (step >= options.PauseFrom && step < options.PauseFrom + options.PauseSteps)
            {
                // Nothing is written: the ingest head's keep-alive injects a heartbeat each second of silence.
                while (now - last >= HeartbeatInterval) frames.Add(RawFrame.Heartbeat(last += HeartbeatInterval));
                continue;
            }
            last = Deliver(held, now, frames);
        }
        if (held.Count > 0) Deliver(held, UtcTime.FromUnixMs(market.NowMs) + Latency, frames);

        return frames.Select((f, i) => f with { Sequence = i + 1 }).ToList();
    }

    /// <summary>Appends the held frames as received at <paramref name="now"/> (10 ticks apart, in order); returns the last receive time.</summary>
    private static long Deliver(List<(string Connection, RawFrameKind Kind, byte[] Payload)> held, long now, List<RawFrame> frames)
    {
        var at = now;
        for (var i = 0; i < held.Count; i++)
        {
            var (connection, kind, payload) = held[i];
            frames.Add(new RawFrame(connection, 0, at = now + i * 10, kind, payload));
        }
        held.Clear();
        return at;
    }

    private static string SymbolOf(string stream) => stream[..stream.IndexOf('@', StringComparison.Ordinal)].ToUpperInvariant();

    /// <summary>The combined-stream envelope <c>{"stream":"…","data":…}</c> the exchange sends on <c>/stream</c> paths.</summary>
    private static byte[] Wrap(string stream, byte[] payload) =>
        [.. Encoding.UTF8.GetBytes("{\"stream\":\"" + stream + "\",\"data\":"), .. payload, (byte)'}'];

    /// <summary>The body of <c>GET /fapi/v1/depth?limit=1000</c> as the simulator serves it.</summary>
    private static byte[] DepthBody(SimMarket market, string symbol)
    {
        if (!market.TryGetSnapshot(symbol, 1000, out var snapshot)) throw new InvalidOperationException($"{symbol} is not listed.");
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("lastUpdateId", snapshot.LastUpdateId);
            json.WriteNumber("E", Math.Max(market.NowMs, snapshot.TransactionTimeMs));
            json.WriteNumber("T", snapshot.TransactionTimeMs);
            Levels(json, "bids", snapshot.Bids);
            Levels(json, "asks", snapshot.Asks);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Levels(Utf8JsonWriter json, string name, IReadOnlyList<BookLevel> levels)
    {
        json.WriteStartArray(name);
        foreach (var level in levels)
        {
            json.WriteStartArray();
            json.WriteStringValue(level.Price);
            json.WriteStringValue(level.Quantity);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
