using System.Diagnostics;
using Screener.Binance.Normalise;
using Screener.Contracts.Market;
using Xunit.Abstractions;
namespace Screener.Binance.Tests;
public sealed class TmpPerf(ITestOutputHelper output)
{
    [Fact]
    public void Perf()
    {
        var decoder = new BinanceFrameDecoder();
        foreach (var file in new[] { "futures-aggTrade.json", "futures-bookTicker.json", "futures-depthUpdate.json", "futures-markPrice.json" })
        {
            var frame = Fixture.WebSocket(Fixture.Bytes(file));
            var output1 = new List<MarketEvent>(4);
            for (var i = 0; i < 200_000; i++) { decoder.Decode(frame, output1); output1.Clear(); }
            var before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            const int n = 2_000_000;
            for (var i = 0; i < n; i++) { decoder.Decode(frame, output1); output1.Clear(); }
            sw.Stop();
            var alloc = GC.GetAllocatedBytesForCurrentThread() - before;
            output.WriteLine($"{file}: {n / sw.Elapsed.TotalSeconds:N0} frames/s, {alloc / n} B/frame");
        }
    }
}
