using BenchmarkDotNet.Attributes;
using Screener.Binance.Wire;

namespace Screener.Benchmarks;

/// <summary>
/// The parse step alone: <see cref="BinanceWireParser"/> into a reused <see cref="ParsedFrame"/>, no output records.
/// Must show 0 B allocated for every kind, depth levels included.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    public const int MixedCount = 1000;

    private readonly SymbolCache _symbols = new();
    private readonly ParsedFrame _parsed = new();
    private byte[] _aggTrade = [], _bookTicker = [], _depthUpdate = [], _markPrice = [];
    private byte[][] _mixed = [];

    [GlobalSetup]
    public void Setup()
    {
        (_aggTrade, _bookTicker, _depthUpdate, _markPrice) =
            (MarketFrames.AggTrade, MarketFrames.BookTicker, MarketFrames.DepthUpdate, MarketFrames.MarkPrice);
        _mixed = MarketFrames.Mixed(MixedCount);
        // Every frame must take the fast path (this is what is measured), and each symbol is interned once here.
        foreach (var frame in _mixed.Append(_aggTrade).Append(_bookTicker).Append(_depthUpdate).Append(_markPrice))
            if (!BinanceWireParser.TryParse(frame, _symbols, _parsed))
                throw new InvalidOperationException("The fast path declined a benchmark frame: " + System.Text.Encoding.UTF8.GetString(frame));
    }

    [Benchmark]
    public long AggTrade() => Parse(_aggTrade);

    [Benchmark]
    public long BookTicker() => Parse(_bookTicker);

    /// <summary>The 2021 KSMUSDT vector: 12 bid and 11 ask levels.</summary>
    [Benchmark]
    public long DepthUpdate() => Parse(_depthUpdate);

    [Benchmark]
    public long MarkPrice() => Parse(_markPrice);

    /// <summary>1,000 frames of the live mix, per frame.</summary>
    [Benchmark(OperationsPerInvoke = MixedCount)]
    public long MixedFrames()
    {
        long sum = 0;
        foreach (var frame in _mixed) sum += Parse(frame);
        return sum;
    }

    private long Parse(byte[] frame)
    {
        BinanceWireParser.TryParse(frame, _symbols, _parsed);
        return _parsed.EventTimeMs.GetValueOrDefault() + _parsed.Bids.Count;
    }
}
