using BenchmarkDotNet.Attributes;
using Screener.Binance.Normalise;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Benchmarks;

/// <summary>
/// For reference: the full decode to contract records (<see cref="BinanceFrameDecoder.Decode"/>), with the fast
/// path (the node's configuration) and with the general <c>Utf8JsonReader</c> path only. What is allocated here is
/// the output: the event record, and for depth its two level arrays.
/// </summary>
[MemoryDiagnoser]
public class DecoderBenchmarks
{
    private readonly List<MarketEvent> _output = new(4);
    private BinanceFrameDecoder _decoder = new();
    private RawFrame _aggTrade = null!, _bookTicker = null!, _depthUpdate = null!, _markPrice = null!;
    private RawFrame[] _mixed = [];

    [Params(true, false)]
    public bool FastPath { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _decoder = new BinanceFrameDecoder(FastPath);
        (_aggTrade, _bookTicker, _depthUpdate, _markPrice) =
            (Frame(MarketFrames.AggTrade), Frame(MarketFrames.BookTicker), Frame(MarketFrames.DepthUpdate), Frame(MarketFrames.MarkPrice));
        _mixed = MarketFrames.Mixed(ParserBenchmarks.MixedCount).Select(Frame).ToArray();
        foreach (var frame in _mixed.Append(_aggTrade).Append(_bookTicker).Append(_depthUpdate).Append(_markPrice))
            if (Decode(frame) != DecodeOutcome.Events) throw new InvalidOperationException("A benchmark frame did not decode.");
    }

    [Benchmark]
    public DecodeOutcome AggTrade() => Decode(_aggTrade);

    [Benchmark]
    public DecodeOutcome BookTicker() => Decode(_bookTicker);

    [Benchmark]
    public DecodeOutcome DepthUpdate() => Decode(_depthUpdate);

    [Benchmark]
    public DecodeOutcome MarkPrice() => Decode(_markPrice);

    [Benchmark(OperationsPerInvoke = ParserBenchmarks.MixedCount)]
    public int MixedFrames()
    {
        var events = 0;
        foreach (var frame in _mixed)
        {
            Decode(frame);
            events += _output.Count;
        }

        return events;
    }

    private DecodeOutcome Decode(RawFrame frame)
    {
        _output.Clear();
        return _decoder.Decode(frame, _output);
    }

    private static RawFrame Frame(byte[] payload) => new("s0/public", 1, 0, RawFrameKind.WebSocket, payload);
}
