using Akka.Streams;
using Akka.Streams.Stage;
using Screener.Contracts;
using Screener.Pipeline.Instrumentation;

namespace Screener.Pipeline.Stages;

/// <summary>
/// Stamps each frame with the node's sequence number: 1, 2, 3, … per materialization, in arrival order.
/// <para>Emits when: a frame arrives and downstream demands (one out per one in).</para>
/// <para>Backpressures when: downstream backpressures.</para>
/// <para>Completes when: upstream completes.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
public sealed class SequenceStage(StageCounters counters) : GraphStage<FlowShape<RawFrame, RawFrame>>
{
    private readonly StageCounters _counters = counters;
    private readonly Inlet<RawFrame> _in = new("Sequence.in");
    private readonly Outlet<RawFrame> _out = new("Sequence.out");

    public override FlowShape<RawFrame, RawFrame> Shape => new(_in, _out);

    protected override Attributes InitialAttributes => Attributes.CreateName("sequence");

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly SequenceStage _stage;
        private long _next;

        public Logic(SequenceStage stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage._in, this);
            SetHandler(stage._out, this);
        }

        public override void OnPush()
        {
            var frame = Grab(_stage._in);
            _stage._counters.Element(frame.TsInit);
            Push(_stage._out, frame with { Sequence = ++_next });
        }

        public override void OnPull() => Pull(_stage._in);
    }
}
