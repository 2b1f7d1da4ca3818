using Screener.Contracts;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Normalise;

/// <summary>Control replies, heartbeats and kinds this decoder does not use.</summary>
public sealed class BinanceFrameDecoderControlSpec
{
    [Theory]
    [InlineData("subscribe-reply.json")]
    [InlineData("list-subscriptions-reply.json")]
    [InlineData("ws-error-reply.json")]
    public void Decoder_must_classify_replies_as_control(string file)
    {
        var (outcome, events) = DecodeFile(file);

        Assert.Equal(DecodeOutcome.Control, outcome);
        Assert.Empty(events);
    }

    [Theory]
    [InlineData("""{"id":7,"result":null}""")]
    [InlineData("""{"id":null,"error":{"code":3,"msg":"Invalid JSON"}}""")]
    [InlineData("""{"error":{"code":4,"msg":"Too many subscriptions"}}""")]
    public void Decoder_must_classify_replies_in_any_key_order_as_control(string reply) =>
        Assert.Equal(DecodeOutcome.Control, Decode(WebSocket(reply)).Outcome);

    [Fact]
    public void Decoder_must_answer_control_for_a_heartbeat()
    {
        var (outcome, events) = Decode(RawFrame.Heartbeat(TsInit));

        Assert.Equal(DecodeOutcome.Control, outcome);
        Assert.Empty(events);
    }

    [Theory]
    [InlineData("futures-ticker.json")]
    [InlineData("futures-miniTicker-arr.json")]
    [InlineData("spot-miniTicker.json")]
    [InlineData("spot-miniTicker-arr.json")]
    [InlineData("spot-serverShutdown.json")]
    public void Decoder_must_call_well_formed_kinds_it_does_not_use_unknown(string file)
    {
        var (outcome, events) = DecodeFile(file);

        Assert.Equal(DecodeOutcome.Unknown, outcome);
        Assert.Empty(events);
    }

    [Fact]
    public void Decoder_must_leave_the_output_untouched_unless_the_frame_decoded()
    {
        var output = new List<Screener.Contracts.Market.MarketEvent>();
        var decoder = new Screener.Binance.Normalise.BinanceFrameDecoder();
        // The first row decodes; the second is broken, so neither may reach the output.
        var frame = """[{"e":"markPriceUpdate","E":1,"s":"A","p":"1","r":"0","T":0},{"e":"markPriceUpdate","E":1,"s":"B","p":1}]""";

        Assert.Equal(DecodeOutcome.Malformed, decoder.Decode(WebSocket(frame), output));
        Assert.Empty(output);
    }

    [Fact]
    public void Decoder_must_append_to_existing_output()
    {
        var output = new List<Screener.Contracts.Market.MarketEvent>();
        var decoder = new Screener.Binance.Normalise.BinanceFrameDecoder();

        decoder.Decode(WebSocket(Bytes("futures-aggTrade.json")), output);
        decoder.Decode(WebSocket(Bytes("futures-markPrice-arr.json")), output);

        Assert.Equal(3, output.Count);
    }
}
