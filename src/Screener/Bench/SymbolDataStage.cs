using Akka.Streams;
using Akka.Streams.Stage;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Bench;

/// <summary>
/// Lets through the market data that belongs to a symbol substream; connection status events stay out of the router.
/// <para>Emits when: a symbol's market event arrives and downstream demands.</para>
/// <para>Backpressures when: downstream backpressures.</para>
/// <para>Completes when: upstream completes.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
internal sealed class SymbolDataStage : GraphStage<FlowShape<MarketEvent, IWithSymbol>>
{
    private readonly Inlet<MarketEvent> _in = new("SymbolData.in");
    private readonly Outlet<IWithSymbol> _out = new("SymbolData.out");

    public override FlowShape<MarketEvent, IWithSymbol> Shape => new(_in, _out);

    protected override Attributes InitialAttributes => Attributes.CreateName("symbol-data");

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private static bool IsSymbolData(MarketEvent e) =>
        e is DepthDiff or DepthSnapshot or Trade or BookTop or MarkPrice or Liquidation or FundingInterval or OpenInterest or Kline;

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly SymbolDataStage _stage;

        public Logic(SymbolDataStage stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage._in, this);
            SetHandler(stage._out, this);
        }

        public override void OnPush()
        {
            var e = Grab(_stage._in);
            if (IsSymbolData(e)) Push(_stage._out, e);
            else Pull(_stage._in);
        }

        public override void OnPull() => Pull(_stage._in);
    }
}
