using Akka;
using Akka.Streams.Dsl;
using Screener.Contracts;

namespace Screener.Pipeline.Routing;

/// <summary>
/// Partitions the event stream by symbol into substreams (GroupBy with a configured bound, closed keys may be
/// recreated) and merges their outputs back (the reduce-by-key recipe). Elements cross into a substream in per-symbol
/// runs gathered while the substreams are busy (<see cref="SymbolChunker"/>) and are unpacked inside it, so each
/// symbol flow still sees single elements in order. More distinct symbols than the bound
/// fails the graph: an unbounded fan-out would hide a misconfigured universe.
/// <para>Emits when: any substream emits.</para>
/// <para>Backpressures when: downstream backpressures; one stalled substream stalls the router.</para>
/// <para>Completes when: upstream completes and every substream has completed.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
public static class SymbolRouter
{
    /// <summary>Elements gathered per symbol while the substreams are busy (see <see cref="SymbolChunker"/>).</summary>
    public const int DefaultMaxPending = 4096;

    public static Flow<IWithSymbol, TOut, NotUsed> Create<TOut>(int maxSymbols, Flow<IWithSymbol, TOut, NotUsed> perSymbol, int maxPending = DefaultMaxPending)
    {
        var grouped = Flow.Create<IWithSymbol>()
            .Via(new SymbolChunker(maxPending))
            .GroupBy(maxSymbols, chunk => chunk.Symbol, allowClosedSubstreamRecreation: true);
        var unchunked = (SubFlow<IWithSymbol, NotUsed, Sink<IWithSymbol, NotUsed>>)grouped.SelectMany(chunk => chunk.Items);
        var merged = ((SubFlow<TOut, NotUsed, Sink<IWithSymbol, NotUsed>>)unchunked.Via(perSymbol)).MergeSubstreams();
        return ((Flow<IWithSymbol, TOut, NotUsed>)merged).Named("symbol-router");
    }
}
