using System.Text;
using System.Text.Json;
using Screener.Sim.Journal;
using Screener.Sim.Market;
using Screener.Sim.Market.Episodes;
using Screener.Sim.Tests.Support;

namespace Screener.Sim.Tests.Journal;

[Collection(ComputeCollection.Name)]
public sealed class SimJournalSessionSpec
{
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private static SimJournalSettings Settings(int symbols = 3, double seconds = 150, ulong seed = 4, EpisodeSettings? episodes = null) => new()
    {
        Market = new SimMarketSettings(seed, symbols, DepthLevels: 200) { Episodes = episodes },
        Plan = JournalPlan.SingleShard(SymbolCatalog.Create(symbols).Select(s => s.Symbol)),
        Duration = TimeSpan.FromSeconds(seconds),
        OpenInterestInterval = TimeSpan.FromSeconds(30),
        PremiumIndexInterval = TimeSpan.FromSeconds(60),
        FundingInfoInterval = TimeSpan.FromSeconds(100),
    };

    private static long Ticks(long unixMs) => UnixEpochTicks + unixMs * TimeSpan.TicksPerMillisecond;

    private static string Text(SimJournalFrame frame) => frame switch
    {
        SimWireFrame w => Encoding.UTF8.GetString(w.Payload),
        SimRestFrame r => Encoding.UTF8.GetString(r.Body),
        _ => "",
    };

    [Fact]
    public void SimJournalSession_must_give_identical_frames_for_the_same_settings_and_other_ones_for_another_seed()
    {
        var first = new SimJournalSession(Settings()).Frames().ToList();
        var second = new SimJournalSession(Settings()).Frames().ToList();
        var other = new SimJournalSession(Settings(seed: 5)).Frames().ToList();

        Assert.True(first.Count > 5_000);
        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].GetType(), second[i].GetType());
            Assert.Equal((first[i].ConnectionId, first[i].TsInit, Text(first[i])), (second[i].ConnectionId, second[i].TsInit, Text(second[i])));
        }
        Assert.NotEqual(first.OfType<SimWireFrame>().Take(200).Select(Text), other.OfType<SimWireFrame>().Take(200).Select(Text));
    }

    [Fact]
    public void SimJournalSession_must_open_each_connection_as_the_node_does_and_deliver_each_stream_on_its_planned_connection()
    {
        var settings = Settings();
        var frames = new SimJournalSession(settings).Frames().ToList();
        var plan = settings.Plan.Connections;
        var start = Ticks(settings.Market.StartTimeMs);

        // Receive order is time order, and every frame is received after its event time.
        Assert.True(frames.Zip(frames.Skip(1)).All(p => p.First.TsInit <= p.Second.TsInit));
        foreach (var connection in plan)
        {
            var own = frames.Where(f => f.ConnectionId == connection.Id).ToList();
            Assert.IsType<SimConnectedFrame>(own[0]);
            Assert.Equal("{\"result\":null,\"id\":1}", Text(own[1]));
            var list = own.FindIndex(f => Text(f).StartsWith("{\"result\":[", StringComparison.Ordinal));
            Assert.Equal($"{{\"result\":[{string.Join(',', connection.Streams.Select(s => $"\"{s}\""))}],\"id\":2}}", Text(own[list]));
            var subscribed = Assert.IsType<SimSubscribedFrame>(own[list + 1]);
            Assert.Equal(connection.Streams, subscribed.Streams);
            Assert.Single(own.OfType<SimConnectedFrame>());
        }
        foreach (var wire in frames.OfType<SimWireFrame>().Where(w => w.Payload[2] == (byte)'e'))
        {
            using var json = JsonDocument.Parse(wire.Payload);
            var root = json.RootElement;
            var symbol = (root.TryGetProperty("s", out var s) ? s : root.GetProperty("o").GetProperty("s")).GetString()!.ToLowerInvariant();
            var suffix = root.GetProperty("e").GetString() switch
            {
                "depthUpdate" => "@depth@100ms",
                "bookTicker" => "@bookTicker",
                "aggTrade" => "@aggTrade",
                "markPriceUpdate" => "@markPrice@1s",
                "forceOrder" => "@forceOrder",
                var other => throw new Xunit.Sdk.XunitException($"unplanned event {other}"),
            };
            Assert.Contains(symbol + suffix, plan.Single(c => c.Id == wire.ConnectionId).Streams);
            Assert.True(wire.TsInit >= Ticks(root.GetProperty("E").GetInt64()) + settings.Latency.Ticks);
        }
    }

    [Fact]
    public void SimJournalSession_must_fetch_one_depth_snapshot_per_symbol_after_its_first_diff_and_the_diffs_must_chain_onto_it()
    {
        var settings = Settings(symbols: 4) with { DepthSnapshotLimit = 100 };
        var frames = new SimJournalSession(settings).Frames().ToList();
        var subscribed = frames.FindIndex(f => f is SimSubscribedFrame && f.ConnectionId == "s0/public");

        foreach (var symbol in SymbolCatalog.Create(4).Select(s => s.Symbol))
        {
            var snapshots = frames.Select((f, i) => (f, i)).Where(x => x.f is SimRestFrame { Call: SimRestCall.Depth } r && r.Symbol == symbol).ToList();
            var (frame, index) = Assert.Single(snapshots);
            Assert.Equal("s0/public", frame.ConnectionId);
            Assert.True(index > subscribed);
            var firstDiff = frames.FindIndex(f => f is SimWireFrame && Text(f).Contains($"\"s\":\"{symbol}\"") && Text(f).StartsWith("{\"e\":\"depthUpdate\"", StringComparison.Ordinal));
            Assert.True(firstDiff < index);

            // The diffs continue the snapshot's book: skipping those it already holds, each next pu is the previous u.
            using var body = JsonDocument.Parse(((SimRestFrame)frame).Body);
            Assert.Equal(100, body.RootElement.GetProperty("bids").GetArrayLength());
            var last = body.RootElement.GetProperty("lastUpdateId").GetInt64();
            var chained = 0;
            foreach (var diff in frames.Skip(firstDiff).OfType<SimWireFrame>().Select(Text).Where(t => t.StartsWith("{\"e\":\"depthUpdate\"", StringComparison.Ordinal) && t.Contains($"\"s\":\"{symbol}\"")))
            {
                using var json = JsonDocument.Parse(diff);
                var (u, pu) = (json.RootElement.GetProperty("u").GetInt64(), json.RootElement.GetProperty("pu").GetInt64());
                if (u <= last) continue;
                Assert.Equal(last, pu);
                last = u;
                chained++;
            }
            Assert.True(chained > 1_000);
        }
    }

    [Fact]
    public void SimJournalSession_must_poll_premium_index_funding_info_and_open_interest_on_the_market_connection_at_the_node_intervals()
    {
        var settings = Settings(symbols: 3, seconds: 150);
        var frames = new SimJournalSession(settings).Frames().ToList();
        var up = frames.First(f => f is SimSubscribedFrame).TsInit;
        var rest = frames.OfType<SimRestFrame>().Where(r => r.Call != SimRestCall.Depth).ToList();

        Assert.All(rest, r => Assert.Equal("s0/market", r.ConnectionId));
        var premium = rest.Where(r => r.Call == SimRestCall.PremiumIndex).ToList();
        Assert.Equal(3, premium.Count);
        Assert.Equal([TimeSpan.FromSeconds(60).Ticks, TimeSpan.FromSeconds(60).Ticks], premium.Zip(premium.Skip(1)).Select(p => p.Second.TsInit - p.First.TsInit));
        Assert.All(premium, p => Assert.Equal(SimRestFrame.AllSymbols, p.Symbol));
        using (var rows = JsonDocument.Parse(premium[0].Body))
            Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT"], rows.RootElement.EnumerateArray().Select(r => r.GetProperty("symbol").GetString()));
        Assert.Equal(2, rest.Count(r => r.Call == SimRestCall.FundingInfo));
        // Open interest: one symbol per 10 s slot (30 s / 3 symbols), in ordinal order, from the moment the first connection is up.
        var openInterest = rest.Where(r => r.Call == SimRestCall.OpenInterest).ToList();
        Assert.Equal(15, openInterest.Count);
        Assert.Equal(["BTCUSDT", "ETHUSDT", "SOLUSDT", "BTCUSDT"], openInterest.Take(4).Select(r => r.Symbol));
        Assert.Equal(up + 2 * settings.Latency.Ticks + settings.RestServiceTime.Ticks, openInterest[0].TsInit);
        Assert.Equal(TimeSpan.FromSeconds(10).Ticks, openInterest[1].TsInit - openInterest[0].TsInit);
        Assert.Empty(frames.OfType<SimHeartbeatFrame>());
    }

    [Fact]
    public void SimJournalSession_must_fill_silences_with_heartbeats_and_write_a_connected_frame_at_each_planned_rotation()
    {
        // A market connection with only the 1 s mark price: each second of it is a silence longer than a 300 ms heartbeat interval.
        var settings = Settings(symbols: 1, seconds: 70) with
        {
            Plan = new JournalPlan([new JournalConnection("s0/market", "s0", JournalConnection.MarketPath, ["BTCUSDT"], ["btcusdt@markPrice@1s"])]),
            HeartbeatInterval = TimeSpan.FromMilliseconds(300),
            MaxConnectionAge = TimeSpan.FromSeconds(30),
            PremiumIndexInterval = null,
            OpenInterestInterval = null,
            FundingInfoInterval = null,
        };
        var frames = new SimJournalSession(settings).Frames().ToList();

        var heartbeats = frames.OfType<SimHeartbeatFrame>().ToList();
        Assert.InRange(heartbeats.Count, 3 * 68, 3 * 70);
        Assert.All(heartbeats, h => Assert.Equal(SimHeartbeatFrame.Clock, h.ConnectionId));
        for (var i = 1; i < frames.Count; i++)
            Assert.True(frames[i].TsInit - frames[i - 1].TsInit <= settings.HeartbeatInterval.Ticks, $"silence before frame {i}");
        var start = Ticks(settings.Market.StartTimeMs);
        Assert.Equal([start, start + TimeSpan.FromSeconds(30).Ticks, start + TimeSpan.FromSeconds(60).Ticks], frames.OfType<SimConnectedFrame>().Select(f => f.TsInit));
        Assert.Empty(frames.OfType<SimRestFrame>());
        Assert.InRange(frames.Count(f => Text(f).StartsWith("{\"e\":\"markPriceUpdate\"", StringComparison.Ordinal)), 69, 70);
    }

    [Fact]
    public void SimJournalSession_must_keep_the_episode_truth_out_of_every_frame()
    {
        var episodes = new EpisodeSettings { RatePerSymbolHour = 200, WarmUp = TimeSpan.FromSeconds(10), Cooldown = TimeSpan.Zero };
        var planted = new SimJournalSession(Settings(seconds: 240, episodes: episodes));
        var withEpisodes = planted.Frames().ToList();
        var without = new SimJournalSession(Settings(seconds: 240)).Frames().ToList();

        Assert.Contains(planted.Episodes, e => e.Complete);
        // The same connections, frame types, REST calls and payload shapes: no field, stream or call carries the truth.
        static IEnumerable<string> Shapes(IEnumerable<SimJournalFrame> frames) => frames
            .Select(f => $"{f.ConnectionId} {f.GetType().Name} {(f is SimRestFrame r ? r.Call : "")} {(f is SimWireFrame w ? JsonShape.Of(Text(w)) : "")}")
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(Shapes(without), Shapes(withEpisodes));
        Assert.DoesNotContain(withEpisodes, f => Text(f).Contains("episode", StringComparison.OrdinalIgnoreCase));
        // Before the first precursor the two sessions are the same, frame for frame.
        var first = Ticks(planted.Episodes[0].PrecursorStartMs);
        var before = withEpisodes.TakeWhile(f => f.TsInit < first).ToList();
        Assert.True(before.Count > 1_000);
        Assert.Equal(before.Select(f => (f.ConnectionId, f.TsInit, Text(f))), without.Take(before.Count).Select(f => (f.ConnectionId, f.TsInit, Text(f))));
    }
}
