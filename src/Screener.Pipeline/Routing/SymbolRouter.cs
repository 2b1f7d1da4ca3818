using Akka;
using Akka.Streams.Dsl;
using Screener.Contracts;

namespace Screener.Pipeline.Routing;

/// <summary>
/// Partitions the event stream by symbol into substreams (GroupBy with a configured bound, closed keys may be
/// recreated) and merges their outputs back (the reduce-by-key recipe). More distinct symbols than the bound
/// fails the graph: an unbounded fan-out would hide a misconfigured universe.
/// <para>Emits when: any substream emits.</para>
/// <para>Backpressures when: downstream backpressures; one stalled substream stalls the router.</para>
/// <para>Completes when: upstream completes and every substream has completed.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
public static class SymbolRouter
{
    public static Flow<IWithSymbol, TOut, NotUsed> Create<TOut>(int maxSymbols, Flow<IWithSymbol, TOut, NotUsed> perSymbol)
    {
        var grouped = Flow.Create<IWithSymbol>().GroupBy(maxSymbols, e => e.Symbol, allowClosedSubstreamRecreation: true);
        var merged = ((SubFlow<TOut, NotUsed, Sink<IWithSymbol, NotUsed>>)grouped.Via(perSymbol)).MergeSubstreams();
        return ((Flow<IWithSymbol, TOut, NotUsed>)merged).Named("symbol-router");
    }
}
