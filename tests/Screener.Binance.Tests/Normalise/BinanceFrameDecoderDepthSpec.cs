using System.Text.Json;
using Screener.Binance.Transport;
using Screener.Contracts;
using Screener.Contracts.Market;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Normalise;

public sealed class BinanceFrameDecoderDepthSpec
{
    [Fact]
    public void Decoder_must_map_every_field_of_a_futures_depthUpdate()
    {
        var diff = SingleFromFile<DepthDiff>("futures-depthUpdate.json");

        var expected = new DepthDiff("KSMUSDT", Ms(1618677448364), TsInit, Sequence,
            FirstUpdateId: 335340590972, FinalUpdateId: 335340594459, PreviousFinalUpdateId: 335340590665,
            Bids: new[]
            {
                L("452.220", "22.1"), L("456.978", "0.0"), L("457.914", "0.0"), L("457.928", "0.0"),
                L("458.604", "0.5"), L("458.719", "7.4"), L("458.966", "0.0"), L("458.969", "0.2"),
                L("458.977", "0.0"), L("459.085", "0.0"), L("459.166", "1.7"), L("459.196", "0.1"),
            },
            Asks: new[]
            {
                L("459.328", "0.0"), L("459.330", "0.0"), L("459.458", "0.3"), L("459.496", "1.3"),
                L("459.509", "0.0"), L("459.517", "0.0"), L("459.796", "0.0"), L("460.010", "0.0"),
                L("460.024", "0.0"), L("460.088", "0.0"), L("460.429", "0.0"),
            });
        Assert.Equal(expected, diff);
    }

    [Fact]
    public void Decoder_must_leave_pu_null_on_spot_depthUpdate()
    {
        var diff = SingleFromFile<DepthDiff>("spot-depthUpdate.json");

        var expected = new DepthDiff("NKNUSDT", Ms(1633998512568), TsInit, Sequence, 499869753, 499869754, null,
            new[] { L("0.35170000", "4265.00000000") }, new[] { L("0.35290000", "10968.00000000") });
        Assert.Equal(expected, diff);
    }

    [Theory]
    [InlineData("futures-depthUpdate-sequence.jsonl", true)]
    [InlineData("spot-depthUpdate-sequence.jsonl", false)]
    public void Decoder_must_decode_every_recorded_depth_frame_with_its_ids(string file, bool futures)
    {
        var lines = Lines(file);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var data = ExpectedDepth.Data(line);
            var diff = Single<DepthDiff>(WebSocket(line));

            Assert.Equal(data.GetProperty("s").GetString(), diff.Symbol);
            Assert.Equal(Ms(data.GetProperty("E").GetInt64()), diff.TsEvent);
            Assert.Equal(data.GetProperty("U").GetInt64(), diff.FirstUpdateId);
            Assert.Equal(data.GetProperty("u").GetInt64(), diff.FinalUpdateId);
            Assert.Equal(futures ? data.GetProperty("pu").GetInt64() : null, diff.PreviousFinalUpdateId);
            Assert.Equal(ExpectedDepth.Levels(data.GetProperty("b")), diff.Bids);
            Assert.Equal(ExpectedDepth.Levels(data.GetProperty("a")), diff.Asks);
        }
    }

    [Fact]
    public void Decoder_must_chain_the_recorded_futures_sequence_by_pu()
    {
        var diffs = Lines("futures-depthUpdate-sequence.jsonl").Select(l => Single<DepthDiff>(WebSocket(l))).ToList();

        for (var i = 1; i < diffs.Count; i++)
            Assert.Equal(diffs[i - 1].FinalUpdateId, diffs[i].PreviousFinalUpdateId);
    }

    [Fact]
    public void Decoder_must_turn_a_REST_depth_envelope_into_a_snapshot()
    {
        var body = Bytes("futures-depth-snapshot.json");
        var snapshot = Single<DepthSnapshot>(Rest(RestEnvelope.Depth("KSMUSDT", body)));

        var root = JsonDocument.Parse(body).RootElement;
        var expected = new DepthSnapshot("KSMUSDT", Ms(1618677448324), TsInit, Sequence, 335340592949,
            ExpectedDepth.Levels(root.GetProperty("bids")), ExpectedDepth.Levels(root.GetProperty("asks")));
        Assert.Equal(expected, snapshot);
        Assert.Equal(1000, snapshot.Bids.Count);
        Assert.Equal(L("459.196", "0.1"), snapshot.Bids[0]);
        Assert.Equal(L("459.226", "1.5"), snapshot.Asks[0]);
    }

    [Fact]
    public void Decoder_must_map_a_2026_snapshot_envelope()
    {
        var snapshot = Single<DepthSnapshot>(Rest(RestEnvelope.Depth("BTCUSDT", Bytes("futures-depth-snapshot-2026.json"))));

        var expected = new DepthSnapshot("BTCUSDT", Ms(1791382991286), TsInit, Sequence, 11757092217378,
            new[] { L("83084.30", "2.986"), L("83084.20", "0.002"), L("83084.10", "0.001"), L("83083.90", "0.001"), L("83083.80", "0.002") },
            new[] { L("83084.40", "4.632"), L("83084.50", "0.064"), L("83084.60", "0.003"), L("83084.70", "0.025"), L("83085.00", "0.001") });
        Assert.Equal(expected, snapshot);
    }

    [Fact]
    public void Decoder_must_use_receive_time_for_a_spot_snapshot_without_E()
    {
        var snapshot = Single<DepthSnapshot>(Rest(RestEnvelope.Depth("nknusdt", Bytes("spot-depth-snapshot.json"))));

        Assert.Equal("NKNUSDT", snapshot.Symbol);
        Assert.Equal(TsInit, snapshot.TsEvent);
        Assert.Equal(499869752, snapshot.LastUpdateId);
        Assert.Equal(609, snapshot.Bids.Count);
        Assert.Equal(1000, snapshot.Asks.Count);
    }

    [Fact]
    public void Decoder_must_read_the_envelope_in_any_key_order()
    {
        var body = Text("futures-depth-snapshot-2026.json").Trim();
        var reordered = $$"""{"data":{{body}},"symbol":"BTCUSDT","rest":"depth"}""";

        var expected = Single<DepthSnapshot>(Rest(RestEnvelope.Depth("BTCUSDT", Bytes("futures-depth-snapshot-2026.json"))));
        Assert.Equal(expected, Single<DepthSnapshot>(Rest(System.Text.Encoding.UTF8.GetBytes(reordered))));
    }

    [Fact]
    public void Decoder_must_turn_an_open_interest_envelope_into_open_interest()
    {
        var oi = Single<OpenInterest>(Rest(RestEnvelope.OpenInterest("BTCUSDT", Bytes("futures-openInterest.json"))));

        Assert.Equal(new OpenInterest("BTCUSDT", Ms(1791382984119), TsInit, Sequence, 95744.938m), oi);
    }

    [Fact]
    public void Decoder_must_call_an_unknown_REST_kind_unknown()
    {
        var (outcome, events) = Decode(Rest(RestEnvelope.Create("ticker24hr", "*", Bytes("futures-ticker24hr-rest.json"))));

        Assert.Equal(DecodeOutcome.Unknown, outcome);
        Assert.Empty(events);
    }

    [Theory]
    [InlineData("futures-partialDepth20.json")]
    [InlineData("spot-partialDepth.json")]
    public void Decoder_must_not_mistake_partial_depth_for_a_diff(string file)
    {
        var (outcome, events) = DecodeFile(file);

        Assert.Equal(DecodeOutcome.Unknown, outcome);
        Assert.Empty(events);
    }

    [Fact]
    public void Decoder_must_veto_partial_depth_even_when_the_stream_name_comes_last()
    {
        var frame = Text("futures-partialDepth20.json").Trim();
        var data = frame[(frame.IndexOf("\"data\":", StringComparison.Ordinal) + 7)..^1];
        var swapped = $$"""{"data":{{data}},"stream":"btcusdt@depth20@100ms"}""";

        var (outcome, events) = Decode(WebSocket(swapped));

        Assert.Equal(DecodeOutcome.Unknown, outcome);
        Assert.Empty(events);
    }
}
