using System.Text;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit.Xunit2;
using Screener.Contracts;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Routing;

namespace Screener.Pipeline.Tests.Routing;

public sealed class SheddingBufferStageSpec() : TestKit("akka.stream.materializer.debug.fuzzing-mode = on")
{
    [Fact]
    public async Task SheddingBuffer_must_pass_everything_through_in_order_when_downstream_keeps_up()
    {
        var names = Enumerable.Range(0, 500).Select(i => $"S{i % 7}USDT@{(i % 3 == 0 ? "depth" : "bookTicker")}#{i}").ToList();
        var counters = new HealthCounters();

        var output = await Source.From(names.Select(TestClassifier.Frame))
            .Via(new SheddingBufferStage(1_000, new TestClassifier(), new SymbolPriorities([], []), counters))
            .RunWith(Sink.Seq<RawFrame>(), Sys.Materializer());

        Assert.Equal(names, output.Select(f => Encoding.UTF8.GetString(f.Payload.Span)));
        Assert.Equal(0, counters.Total("shed/"));
    }

    [Fact]
    public async Task SheddingBuffer_must_shed_and_count_when_downstream_is_slow_but_never_drop_top_priority_trades()
    {
        var random = new Random(5);
        var names = Enumerable.Range(0, 3_000).Select(i =>
        {
            var symbol = random.Next(4) switch { 0 => "TOPUSDT", 1 => "AAAUSDT", 2 => "BBBUSDT", _ => "CCCUSDT" };
            var kind = random.Next(3) switch { 0 => "trade", 1 => "depth", _ => "bookTicker" };
            return $"{symbol}@{kind}#{i}";
        }).ToList();
        var counters = new HealthCounters();

        var output = await Source.From(names.Select(TestClassifier.Frame))
            .Via(new SheddingBufferStage(64, new TestClassifier(), new SymbolPriorities(["TOPUSDT"], ["TOPUSDT", "AAAUSDT", "BBBUSDT", "CCCUSDT"]), counters))
            .Throttle(200, TimeSpan.FromMilliseconds(50), 200, ThrottleMode.Shaping)
            .RunWith(Sink.Seq<RawFrame>(), Sys.Materializer());

        var delivered = output.Select(f => Encoding.UTF8.GetString(f.Payload.Span)).ToList();
        Assert.True(counters.Total("shed/") > 0, "a slow consumer must cause shedding");
        Assert.Equal(names.Count, delivered.Count + counters.Total("shed/"));
        Assert.Equal(names.Where(n => n.StartsWith("TOPUSDT@trade", StringComparison.Ordinal)),
            delivered.Where(n => n.StartsWith("TOPUSDT@trade", StringComparison.Ordinal)));
        Assert.Equal(delivered.OrderBy(n => int.Parse(n[(n.IndexOf('#') + 1)..])), delivered);
    }
}
