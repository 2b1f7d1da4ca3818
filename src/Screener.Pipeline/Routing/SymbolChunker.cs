using Akka.Streams;
using Akka.Streams.Stage;
using Screener.Contracts;

namespace Screener.Pipeline.Routing;

/// <summary>A run of one symbol's elements, in arrival order.</summary>
public sealed record SymbolChunk(string Symbol, IReadOnlyList<IWithSymbol> Items) : IWithSymbol;

/// <summary>
/// Gathers elements per symbol while downstream is busy and hands each symbol's run over as one
/// <see cref="SymbolChunk"/>, so the router's substream boundary is crossed once per run instead of once per element.
/// Each symbol's elements keep their order; symbols are served in the order their pending runs began. When downstream
/// keeps up, chunks hold one element and nothing waits.
/// <para>Emits when: downstream pulls and a run is pending.</para>
/// <para>Backpressures when: <c>maxPending</c> elements are pending.</para>
/// <para>Completes when: upstream completes and every pending run is emitted.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
public sealed class SymbolChunker(int maxPending) : GraphStage<FlowShape<IWithSymbol, SymbolChunk>>
{
    private readonly int _maxPending = maxPending > 0 ? maxPending : throw new ArgumentOutOfRangeException(nameof(maxPending));
    private readonly Inlet<IWithSymbol> _in = new("SymbolChunker.in");
    private readonly Outlet<SymbolChunk> _out = new("SymbolChunker.out");

    public override FlowShape<IWithSymbol, SymbolChunk> Shape => new(_in, _out);

    protected override Attributes InitialAttributes => Attributes.CreateName("symbol-chunker");

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly SymbolChunker _stage;
        private readonly Dictionary<string, List<IWithSymbol>> _runs = new(StringComparer.Ordinal);
        private readonly Queue<string> _order = new();
        private int _pending;

        public Logic(SymbolChunker stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage._in, this);
            SetHandler(stage._out, this);
        }

        public override void PreStart() => Pull(_stage._in);

        public override void OnPush()
        {
            var element = Grab(_stage._in);
            if (!_runs.TryGetValue(element.Symbol, out var run))
            {
                run = new List<IWithSymbol>(4);
                _runs.Add(element.Symbol, run);
                _order.Enqueue(element.Symbol);
            }

            run.Add(element);
            _pending++;
            if (IsAvailable(_stage._out)) EmitNext();
            if (_pending < _stage._maxPending && !HasBeenPulled(_stage._in)) Pull(_stage._in);
        }

        public override void OnPull()
        {
            if (_order.Count > 0) EmitNext();
            if (IsClosed(_stage._in))
            {
                if (_order.Count == 0) CompleteStage();
            }
            else if (_pending < _stage._maxPending && !HasBeenPulled(_stage._in))
            {
                Pull(_stage._in);
            }
        }

        public override void OnUpstreamFinish()
        {
            if (_order.Count == 0) CompleteStage();
        }

        private void EmitNext()
        {
            var symbol = _order.Dequeue();
            _runs.Remove(symbol, out var run);
            _pending -= run!.Count;
            Push(_stage._out, new SymbolChunk(symbol, run));
        }
    }
}
