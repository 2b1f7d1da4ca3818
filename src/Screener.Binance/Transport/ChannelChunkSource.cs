using System.Threading.Channels;
using Akka.Streams;
using Akka.Streams.Stage;

namespace Screener.Binance.Transport;

/// <summary>
/// Reads a channel in chunks: on each pull, everything already in the channel (up to a maximum) as one array, so a busy
/// connection crosses the restart boundary once per chunk rather than once per frame. A quiet one emits chunks of one.
/// <para>Emits when: downstream pulls and the channel holds at least one item.</para>
/// <para>Backpressures when: downstream backpressures; the channel then fills and its writer waits.</para>
/// <para>Completes when: the channel completes and is drained; fails with the channel's error.</para>
/// <para>Cancels when: downstream cancels.</para>
/// </summary>
internal sealed class ChannelChunkSource<T>(ChannelReader<T> reader, int maxChunk) : GraphStage<SourceShape<T[]>>
{
    private readonly ChannelReader<T> _reader = reader;
    private readonly int _maxChunk = maxChunk;
    private readonly Outlet<T[]> _out = new("ChannelChunkSource.out");

    public override SourceShape<T[]> Shape => new(_out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : OutGraphStageLogic
    {
        private readonly ChannelChunkSource<T> _stage;
        private readonly List<T> _chunk;
        private Action<bool>? _onReadable;
        private Action<Exception>? _onFailed;

        public Logic(ChannelChunkSource<T> stage) : base(stage.Shape)
        {
            _stage = stage;
            _chunk = new List<T>(Math.Min(stage._maxChunk, 256));
            SetHandler(stage._out, this);
        }

        public override void PreStart()
        {
            _onReadable = GetAsyncCallback<bool>(readable =>
            {
                if (readable) OnPull();
                else Finish();
            });
            _onFailed = GetAsyncCallback<Exception>(FailStage);
        }

        public override void OnPull()
        {
            var reader = _stage._reader;
            while (_chunk.Count < _stage._maxChunk && reader.TryRead(out var item)) _chunk.Add(item);
            if (_chunk.Count > 0)
            {
                var chunk = _chunk.ToArray();
                _chunk.Clear();
                Push(_stage._out, chunk);
                return;
            }

            var waiting = reader.WaitToReadAsync();
            if (waiting.IsCompletedSuccessfully)
            {
                if (waiting.Result) OnPull();
                else Finish();
                return;
            }

            waiting.AsTask().ContinueWith(
                t =>
                {
                    if (t.IsFaulted) _onFailed!(t.Exception!.GetBaseException());
                    else if (t.IsCanceled) _onFailed!(new OperationCanceledException("The channel read was cancelled."));
                    else _onReadable!(t.Result);
                },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        private void Finish()
        {
            if (_stage._reader.Completion is { IsFaulted: true } failed) FailStage(failed.Exception!.GetBaseException());
            else CompleteStage();
        }
    }
}
