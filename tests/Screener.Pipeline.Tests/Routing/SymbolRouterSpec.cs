using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit.Xunit2;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Pipeline.Routing;
using static Screener.Pipeline.Tests.TestEvents;

namespace Screener.Pipeline.Tests.Routing;

public sealed class SymbolRouterSpec() : TestKit("akka.stream.materializer.debug.fuzzing-mode = on")
{
    private static readonly Flow<IWithSymbol, string, Akka.NotUsed> CountPerSymbol =
        Flow.Create<IWithSymbol>().StatefulSelectMany<IWithSymbol, IWithSymbol, string, Akka.NotUsed>(() =>
        {
            var n = 0;
            return e => [$"{e.Symbol}:{++n}"];
        });

    [Fact]
    public async Task SymbolRouter_must_keep_separate_state_per_symbol_and_preserve_each_symbols_order()
    {
        IWithSymbol[] events =
        [
            Top("AAAUSDT", 0, 1m, 1m), Top("BBBUSDT", 1, 1m, 1m), Top("AAAUSDT", 2, 1m, 1m),
            Top("CCCUSDT", 3, 1m, 1m), Top("AAAUSDT", 4, 1m, 1m), Top("BBBUSDT", 5, 1m, 1m),
        ];
        var result = await Source.From(events).Via(SymbolRouter.Create(10, CountPerSymbol))
            .RunWith(Sink.Seq<string>(), Sys.Materializer());

        Assert.Equal(["AAAUSDT:1", "AAAUSDT:2", "AAAUSDT:3"], result.Where(r => r.StartsWith("AAA")));
        Assert.Equal(["BBBUSDT:1", "BBBUSDT:2"], result.Where(r => r.StartsWith("BBB")));
        Assert.Equal(["CCCUSDT:1"], result.Where(r => r.StartsWith("CCC")));
    }

    [Fact]
    public async Task SymbolRouter_must_fail_loudly_when_more_symbols_arrive_than_its_bound()
    {
        var events = Enumerable.Range(0, 5).Select(i => (IWithSymbol)Top($"S{i}USDT", i, 1m, 1m));
        var run = Source.From(events).Via(SymbolRouter.Create(3, CountPerSymbol)).RunWith(Sink.Seq<string>(), Sys.Materializer());

        await Assert.ThrowsAsync<TooManySubstreamsOpenException>(() => run);
    }
}
