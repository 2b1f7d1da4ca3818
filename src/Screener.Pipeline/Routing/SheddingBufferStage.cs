using Akka.Streams;
using Akka.Streams.Stage;
using Screener.Contracts;
using Screener.Pipeline.Instrumentation;

namespace Screener.Pipeline.Routing;

/// <summary>
/// A bounded buffer between the connections and the graph that sheds load in a declared order when downstream
/// falls behind, instead of backpressuring the sockets until the exchange disconnects us:
/// 1. an older book ticker of a symbol that has a newer one buffered (conflation);
/// 2. the oldest depth diff of the lowest-priority symbol (that symbol's book then resyncs);
/// 3. the oldest trade or other market data of a symbol outside the top priority.
/// Top-priority trades, REST snapshots, status and control frames are never shed: when only those remain the
/// stage backpressures. Every shed frame is counted by reason.
/// <para>Emits when: downstream pulls and a frame is buffered.</para>
/// <para>Backpressures when: the buffer is full and nothing in it may be shed.</para>
/// <para>Completes when: upstream completes and the buffer is drained.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
public sealed class SheddingBufferStage(int capacity, IFrameClassifier classifier, SymbolPriorities priorities, HealthCounters counters)
    : GraphStage<FlowShape<RawFrame, RawFrame>>
{
    private readonly int _capacity = capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), "The buffer holds at least one frame.");
    private readonly IFrameClassifier _classifier = classifier;
    private readonly SymbolPriorities _priorities = priorities;
    private readonly HealthCounters _counters = counters;
    private readonly Inlet<RawFrame> _in = new("SheddingBuffer.in");
    private readonly Outlet<RawFrame> _out = new("SheddingBuffer.out");

    public override FlowShape<RawFrame, RawFrame> Shape => new(_in, _out);

    protected override Attributes InitialAttributes => Attributes.CreateName("shedding-buffer");

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly SheddingBufferStage _stage;
        private readonly SheddingQueue _queue;

        public Logic(SheddingBufferStage stage) : base(stage.Shape)
        {
            _stage = stage;
            _queue = new SheddingQueue(stage._classifier, stage._priorities);
            SetHandler(stage._in, this);
            SetHandler(stage._out, this);
        }

        public override void PreStart() => Pull(_stage._in);

        public override void OnPush()
        {
            _queue.Enqueue(Grab(_stage._in));
            if (_queue.Count > _stage._capacity && _queue.ShedOne() is { } reason) _stage._counters.Shed(reason);
            if (IsAvailable(_stage._out) && _queue.TryDequeue(out var frame)) Push(_stage._out, frame);
            PullIfRoom();
        }

        public override void OnUpstreamFinish()
        {
            if (_queue.Count == 0) CompleteStage();
        }

        public override void OnPull()
        {
            if (_queue.TryDequeue(out var frame)) Push(_stage._out, frame);
            if (_queue.Count == 0 && IsClosed(_stage._in)) CompleteStage();
            else PullIfRoom();
        }

        private void PullIfRoom()
        {
            if (IsClosed(_stage._in) || HasBeenPulled(_stage._in)) return;
            if (_queue.Count < _stage._capacity || _queue.CanShed) Pull(_stage._in);
        }
    }
}
