using System.Text;
using Screener.Binance.Routing;
using Screener.Contracts;

namespace Screener.Binance.Tests.Routing;

public sealed class BinanceFrameClassifierSpec
{
    private readonly BinanceFrameClassifier _classifier = new();

    [Theory]
    [InlineData("""{"stream":"btcusdt@bookTicker","data":{}}""", FrameCategory.BookTicker, "BTCUSDT")]
    [InlineData("""{"stream":"ksmusdt@depth@100ms","data":{}}""", FrameCategory.Depth, "KSMUSDT")]
    [InlineData("""{"stream":"ethusdt@aggTrade","data":{}}""", FrameCategory.Trade, "ETHUSDT")]
    [InlineData("""{"stream":"ethusdt@trade","data":{}}""", FrameCategory.Trade, "ETHUSDT")]
    [InlineData("""{"stream":"solusdt@markPrice@1s","data":{}}""", FrameCategory.MarketData, "SOLUSDT")]
    [InlineData("""{"stream":"xrpusdt@forceOrder","data":{}}""", FrameCategory.MarketData, "XRPUSDT")]
    public void Classifier_must_read_category_and_symbol_from_the_stream_name(string frame, FrameCategory category, string symbol) =>
        Assert.Equal((category, symbol), _classifier.Classify(Frame(frame)));

    [Theory]
    [InlineData("""{"result":null,"id":1}""")]
    [InlineData("""{"stream":"!markPrice@arr@1s","data":[]}""")]
    [InlineData("""{"e":"aggTrade","s":"BTCUSDT"}""")]
    [InlineData("""{"stream":"broken""")]
    [InlineData("")]
    public void Classifier_must_call_anything_else_other_so_it_is_never_shed(string frame) =>
        Assert.Equal((FrameCategory.Other, null), _classifier.Classify(Frame(frame)));

    [Fact]
    public void Classifier_must_never_shed_rest_or_status_frames()
    {
        var rest = new RawFrame("s0/public", 1, 0, RawFrameKind.Rest, Encoding.UTF8.GetBytes("""{"stream":"btcusdt@depth","data":{}}"""));
        Assert.Equal(FrameCategory.Other, _classifier.Classify(rest).Category);
    }

    private static RawFrame Frame(string text) => new("s0/public", 1, 0, RawFrameKind.WebSocket, Encoding.UTF8.GetBytes(text));
}
