using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit.Xunit2;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Pipeline.Routing;
using static Screener.Pipeline.Tests.TestEvents;

namespace Screener.Pipeline.Tests.Routing;

public sealed class SymbolChunkerSpec() : TestKit("akka.stream.materializer.debug.fuzzing-mode = on")
{
    private static List<IWithSymbol> Events(int count, int symbols, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => (IWithSymbol)Top($"S{random.Next(symbols)}USDT", i, 10m, 10.1m, seq: i))
            .ToList();
    }

    [Fact]
    public async Task SymbolChunker_must_keep_every_element_and_each_symbols_order_when_downstream_is_slow()
    {
        var events = Events(5_000, 7, seed: 3);

        var chunks = await Source.From(events)
            .Via(new SymbolChunker(256))
            .Async()
            .SelectAsync(1, async c =>
            {
                await Task.Yield();
                return c;
            })
            .RunWith(Sink.Seq<SymbolChunk>(), Sys.Materializer());

        Assert.Equal(events.Count, chunks.Sum(c => c.Items.Count));
        Assert.All(chunks, c => Assert.All(c.Items, e => Assert.Equal(c.Symbol, e.Symbol)));
        foreach (var symbol in events.Select(e => e.Symbol).Distinct())
        {
            var sent = events.Where(e => e.Symbol == symbol).Select(e => ((MarketEvent)e).Sequence);
            var received = chunks.Where(c => c.Symbol == symbol).SelectMany(c => c.Items).Select(e => ((MarketEvent)e).Sequence);
            Assert.Equal(sent, received);
        }
        Assert.True(chunks.Count < events.Count, $"a slow consumer receives runs, not single elements ({chunks.Count} chunks)");
        Assert.All(chunks, c => Assert.InRange(c.Items.Count, 1, 256));
    }

    [Fact]
    public async Task SymbolChunker_must_flush_every_pending_run_when_upstream_completes()
    {
        var events = Events(100, 3, seed: 9);

        var chunks = await Source.From(events).Via(new SymbolChunker(1_000)).RunWith(Sink.Seq<SymbolChunk>(), Sys.Materializer());

        Assert.Equal(events.Select(e => ((MarketEvent)e).Sequence).Order(),
            chunks.SelectMany(c => c.Items).Select(e => ((MarketEvent)e).Sequence).Order());
    }

    [Fact]
    public async Task SymbolRouter_must_hand_each_symbol_flow_its_elements_one_by_one_in_order()
    {
        var events = Events(3_000, 5, seed: 4);
        var perSymbol = Flow.Create<IWithSymbol>().Grouped(10_000)
            .Select(all => (all.First().Symbol, all.Select(e => ((MarketEvent)e).Sequence).ToList()));

        var runs = await Source.From(events)
            .Via(SymbolRouter.Create(16, perSymbol, maxPending: 64))
            .RunWith(Sink.Seq<(string Symbol, List<long> Sequences)>(), Sys.Materializer());

        Assert.Equal(5, runs.Count);
        foreach (var (symbol, sequences) in runs)
            Assert.Equal(events.Where(e => e.Symbol == symbol).Select(e => ((MarketEvent)e).Sequence), sequences);
    }

    [Fact]
    public void SymbolChunker_must_refuse_a_bound_below_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SymbolChunker(0));
}
