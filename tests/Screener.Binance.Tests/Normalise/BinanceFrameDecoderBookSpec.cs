using Screener.Contracts;
using Screener.Contracts.Market;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Normalise;

public sealed class BinanceFrameDecoderBookSpec
{
    [Fact]
    public void Decoder_must_map_every_field_of_a_2026_futures_bookTicker()
    {
        var book = SingleFromFile<BookTop>("futures-bookTicker.json");

        var expected = new BookTop("BTCUSDT", Ms(1791382994658), TsInit, Sequence,
            UpdateId: 11757092630476, BidPrice: 83091.60m, BidQuantity: 4.215m, AskPrice: 83091.70m, AskQuantity: 3.763m);
        Assert.Equal(expected, book);
    }

    [Fact]
    public void Decoder_must_map_a_2021_futures_bookTicker()
    {
        var book = SingleFromFile<BookTop>("futures-bookTicker-2021.json");

        var expected = new BookTop("YFIUSDT", Ms(1618677448051), TsInit, Sequence,
            335340584945, 49951.9m, 0.005m, 49966.7m, 0.001m);
        Assert.Equal(expected, book);
    }

    [Fact]
    public void Decoder_must_recognise_a_spot_bookTicker_without_event_type_and_use_receive_time()
    {
        var book = SingleFromFile<BookTop>("combined-stream-wrapper.json");

        var expected = new BookTop("BLZETH", TsInit, TsInit, Sequence,
            281916636, 0.00006547m, 100.00000000m, 0.00006560m, 1528.00000000m);
        Assert.Equal(expected, book);
    }

    [Fact]
    public void Decoder_must_accept_data_before_stream_in_the_wrapper()
    {
        // Derived from combined-stream-wrapper.json with the two wrapper keys swapped.
        const string swapped =
            """{"data":{"u":281916636,"s":"BLZETH","b":"0.00006547","B":"100.00000000","a":"0.00006560","A":"1528.00000000"},"stream":"blzeth@bookTicker"}""";

        Assert.Equal(SingleFromFile<BookTop>("combined-stream-wrapper.json"), Single<BookTop>(WebSocket(swapped)));
    }

    [Fact]
    public void Decoder_must_accept_unknown_keys_around_the_wrapper()
    {
        const string extra =
            """{"x":[1,{"y":2}],"stream":"blzeth@bookTicker","data":{"u":281916636,"s":"BLZETH","b":"0.00006547","B":"100.00000000","a":"0.00006560","A":"1528.00000000"},"z":null}""";

        Assert.Equal(SingleFromFile<BookTop>("combined-stream-wrapper.json"), Single<BookTop>(WebSocket(extra)));
    }

    [Fact]
    public void Decoder_must_decode_a_bare_spot_bookTicker()
    {
        var book = Single<BookTop>(WebSocket(
            """{"u":499869768,"s":"NKNUSDT","b":"0.35210000","B":"672.00000000","a":"0.35260000","A":"3199.00000000"}"""));

        Assert.Equal(new BookTop("NKNUSDT", TsInit, TsInit, Sequence, 499869768, 0.35210000m, 672m, 0.35260000m, 3199m), book);
    }

    [Fact]
    public void Decoder_must_call_an_object_with_only_part_of_the_bookTicker_keys_unknown()
    {
        var (outcome, events) = Decode(WebSocket("""{"u":1,"s":"X","b":"1"}"""));

        Assert.Equal(DecodeOutcome.Unknown, outcome);
        Assert.Empty(events);
    }
}
