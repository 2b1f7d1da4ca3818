using System.Text.Json;
using Akka.Streams;
using Akka.Streams.Stage;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;
using Screener.Pipeline.Instrumentation;

namespace Screener.Pipeline.Stages;

/// <summary>
/// Parse and normalise (see <see cref="Flows.DecodeFlow"/>): each frame through the exchange's
/// <see cref="IFrameDecoder"/> into one reused buffer, then out; a frame that yields nothing pulls the next at once.
/// <para>Emits when: a decoded frame has yielded events and downstream demands (zero or more per frame).</para>
/// <para>Backpressures when: downstream backpressures.</para>
/// <para>Completes when: upstream completes and the pending events are emitted.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
public sealed class DecodeStage(IFrameDecoder decoder, DecodeCounters counters) : GraphStage<FlowShape<RawFrame, MarketEvent>>
{
    private readonly IFrameDecoder _decoder = decoder;
    private readonly DecodeCounters _counters = counters;
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
            Decode(frame);
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

        private void Decode(RawFrame frame)
        {
            var counters = _stage._counters;
            switch (frame.Kind)
            {
                case RawFrameKind.Heartbeat:
                    counters.Heartbeat();
                    _events.Add(new Heartbeat(frame.TsInit, frame.Sequence));
                    return;
                case RawFrameKind.Status:
                    DecodeStatus(frame, counters);
                    return;
                default:
                    var outcome = _stage._decoder.Decode(frame, _events);
                    counters.Count(outcome);
                    if (outcome != DecodeOutcome.Events) _events.Clear();
                    return;
            }
        }

        /// <summary>Node-written status (connection up/down): the contracts' own JSON, not the exchange's.</summary>
        private void DecodeStatus(RawFrame frame, DecodeCounters counters)
        {
            try
            {
                var status = (MarketEvent)ContractSerializer.Deserialize(frame.Payload.Span, ContractSerializer.MarketEventV1);
                counters.Count(DecodeOutcome.Control);
                _events.Add(status with { Sequence = frame.Sequence });
            }
            catch (JsonException)
            {
                counters.Count(DecodeOutcome.Malformed);
            }
        }
    }
}
