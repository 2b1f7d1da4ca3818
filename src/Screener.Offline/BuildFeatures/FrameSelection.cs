using System.Runtime.CompilerServices;
using Screener.Contracts;

namespace Screener.Offline.BuildFeatures;

/// <summary>
/// Passes on a journal's frames that fall in a <see cref="FrameRange"/>, counting what it reads and what it passes:
/// the first and last sequence number passed on, and the node runs they span (a run starts where the numbers do
/// not increase, as after a node restart on the same journal).
/// </summary>
internal sealed class FrameSelection(FrameRange range, FeatureBuildProgress progress)
{
    private long _previous;

    public long Read { get; private set; }

    public long Built { get; private set; }

    public long First { get; private set; }

    public long Last { get; private set; }

    public int Runs { get; private set; }

    public async IAsyncEnumerable<RawFrame> Select(IAsyncEnumerable<RawFrame> frames, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var frame in frames.WithCancellation(ct))
        {
            Read++;
            progress.FrameRead();
            if (!range.Contains(frame.Sequence)) continue;
            if (Built == 0 || frame.Sequence <= _previous) Runs++;
            if (Built == 0) First = frame.Sequence;
            Last = _previous = frame.Sequence;
            Built++;
            progress.FrameBuilt();
            yield return frame;
        }
    }
}
