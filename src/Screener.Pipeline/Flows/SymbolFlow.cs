using Akka;
using Akka.Streams.Dsl;
using Screener.Contracts;
using Screener.Pipeline.Stages;

namespace Screener.Pipeline.Flows;

/// <summary>
/// The body of one symbol substream: book sync, features and prediction (see <see cref="SymbolState"/>).
/// <para>Emits when: a tick arrives (exactly one output per tick).</para>
/// <para>Backpressures when: downstream backpressures.</para>
/// <para>Completes when: upstream completes.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
public static class SymbolFlow
{
    public static Flow<IWithSymbol, SymbolOutput, NotUsed> Create(PipelineSettings settings, GraphServices services) =>
        Flow.Create<IWithSymbol>()
            .StatefulSelectMany<IWithSymbol, IWithSymbol, SymbolOutput, NotUsed>(() =>
            {
                SymbolState? state = null;
                return e =>
                {
                    state ??= new SymbolState(e.Symbol, settings, services);
                    var output = state.On(e);
                    return output is null ? [] : [output];
                };
            })
            .Named("symbol-features-inference");
}
