using Akka;
using Akka.Streams;
using Akka.Streams.Stage;
using Screener.Contracts;

namespace Screener.Bench;

/// <summary>
/// The end of one symbol substream in the benchmark: hands every element to its <see cref="SymbolIngest"/> and emits
/// nothing.
/// <para>Emits when: never.</para>
/// <para>Backpressures when: never; it pulls again as soon as an element is processed.</para>
/// <para>Completes when: upstream completes.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
internal sealed class SymbolIngestStage(IngestBenchCounters counters) : GraphStage<FlowShape<IWithSymbol, NotUsed>>
{
    private readonly IngestBenchCounters _counters = counters;
    private readonly Inlet<IWithSymbol> _in = new("SymbolIngest.in");
    private readonly Outlet<NotUsed> _out = new("SymbolIngest.out");

    public override FlowShape<IWithSymbol, NotUsed> Shape => new(_in, _out);

    protected override Attributes InitialAttributes => Attributes.CreateName("symbol-book-sync");

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly SymbolIngestStage _stage;
        private readonly SymbolIngest _state;

        public Logic(SymbolIngestStage stage) : base(stage.Shape)
        {
            _stage = stage;
            _state = new SymbolIngest(stage._counters);
            SetHandler(stage._in, this);
            SetHandler(stage._out, this);
        }

        public override void PreStart() => Pull(_stage._in);

        public override void OnPush()
        {
            _state.On(Grab(_stage._in));
            Pull(_stage._in);
        }

        public override void OnPull()
        {
        }
    }
}
