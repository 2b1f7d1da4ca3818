using Akka.Streams;
using Akka.Streams.Stage;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Pipeline.Instrumentation;

namespace Screener.Pipeline.Stages;

/// <summary>
/// Parse and normalise (see <see cref="Flows.DecodeFlow"/>): each frame through the shared <see cref="FrameDecoding"/>
/// rules (the exchange's <see cref="IFrameDecoder"/>, heartbeats, node status) into one reused buffer, then out; a frame
/// that yields nothing pulls the next at once.
/// <para>Emits when: a decoded frame has yielded events and downstream demands (zero or more per frame).</para>
/// <para>Backpressures when: downstream backpressures.</para>
/// <para>Completes when: upstream completes and the pending events are emitted.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
public sealed class DecodeStage(IFrameDecoder decoder, DecodeCounters counters) : GraphStage<FlowShape<RawFrame, MarketEvent>>
{
    private readonly FrameDecoding _decoding = new(decoder, counters);
    private readonly Inlet<RawFrame> _in = new("Decode.in");
    private readonly Outlet<MarketEvent> _out = new("Decode.out");

    public override FlowShape<RawFrame, MarketEvent> Shape => new(_in, _out);

    protected override Attributes InitialAttributes => Attributes.CreateName("parse");

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly DecodeStage _stage;
        private readonly List<MarketEvent> _events = new(4);

        public Logic(DecodeStage stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage._in, this);
            SetHandler(stage._out, this);
        }

        public override void OnPush()
        {
            var frame = Grab(_stage._in);
            _events.Clear();
            _stage._decoding.Decode(frame, _events);
            switch (_events.Count)
            {
                case 0:
                    Pull(_stage._in);
                    break;
                case 1:
                    Push(_stage._out, _events[0]);
                    break;
                default:
                    EmitMultiple(_stage._out, _events.ToArray());
                    break;
            }
        }

        public override void OnPull() => Pull(_stage._in);
    }
}
