using System.Text;
using Screener.Binance.Tests.Fuzz;
using Screener.Binance.Wire;
using Screener.Contracts;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Normalise;

/// <summary>
/// The decoder's fast path (<see cref="BinanceWireParser"/>) and its general path (<c>Utf8JsonReader</c>) must give
/// the same outcome and the same events, to the decimal scale, for every frame.
/// </summary>
public sealed class FastPathEquivalenceSpec
{
    private readonly DecoderPair _decoders = new();

    public static TheoryData<string> AllVectorFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"))
                     .Select(Path.GetFileName).OfType<string>()
                     .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
            data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllVectorFiles))]
    public void Fast_and_general_paths_must_agree_on_every_vector(string file)
    {
        var frames = file.EndsWith(".jsonl", StringComparison.Ordinal) ? Lines(file) : [Text(file)];
        foreach (var frame in frames)
        {
            _decoders.AssertAgree(WebSocket(frame), file);
            _decoders.AssertAgree(Rest(Encoding.UTF8.GetBytes(frame)), file + " as REST");
        }
    }

    [Theory]
    [InlineData("futures-aggTrade.json")]
    [InlineData("futures-aggTrade-2021.json")]
    [InlineData("futures-bookTicker.json")]
    [InlineData("futures-bookTicker-2021.json")]
    [InlineData("futures-depthUpdate.json")]
    [InlineData("futures-depthUpdate-sequence.jsonl")]
    [InlineData("futures-markPrice.json")]
    [InlineData("futures-markPrice-legacy.json")]
    [InlineData("futures-trade.json")]
    [InlineData("spot-aggTrade.json")]
    [InlineData("spot-bookTicker.json")]
    [InlineData("spot-depthUpdate.json")]
    [InlineData("spot-depthUpdate-sequence.jsonl")]
    [InlineData("spot-trade-legacy.json")]
    [InlineData("combined-stream-wrapper.json")]
    public void Fast_path_must_take_the_recorded_hot_frames(string file)
    {
        var parsed = new ParsedFrame();
        var frames = file.EndsWith(".jsonl", StringComparison.Ordinal) ? Lines(file) : [Text(file)];
        foreach (var frame in frames)
            Assert.True(BinanceWireParser.TryParse(Encoding.UTF8.GetBytes(frame), new SymbolCache(), parsed), file);
    }

    [Fact]
    public void Fast_and_general_paths_must_agree_on_5000_generated_frames_and_their_reshaped_forms()
    {
        var generator = new FrameGenerator(seed: 7);
        var parsed = new ParsedFrame();
        var symbols = new SymbolCache();
        var kinds = new Dictionary<DecodeOutcome, int>();
        for (var i = 0; i < 5000; i++)
        {
            var frame = generator.Next();
            var bytes = Encoding.UTF8.GetBytes(frame);
            Assert.True(BinanceWireParser.TryParse(bytes, symbols, parsed), $"fast path declined generated frame {frame}");

            var expected = _decoders.AssertAgree(WebSocket(bytes), $"generated #{i}");
            kinds[expected.Outcome] = kinds.GetValueOrDefault(expected.Outcome) + 1;
            foreach (var (name, reshaped) in FramePerturbation.All(frame))
            {
                var reshapedBytes = Encoding.UTF8.GetBytes(reshaped);
                Assert.False(BinanceWireParser.TryParse(reshapedBytes, symbols, parsed), $"{name}: fast path took {reshaped}");
                Assert.Equal(expected, _decoders.AssertAgree(WebSocket(reshapedBytes), $"generated #{i} {name}"));
            }
        }

        // COIN-M rows (st 2) are the Unknown ones; everything else decodes.
        Assert.Equal(new[] { DecodeOutcome.Events, DecodeOutcome.Unknown }, kinds.Keys.Order());
        Assert.True(kinds[DecodeOutcome.Events] > 4000);
    }
}
