using System.Runtime.InteropServices;
using Screener.Contracts;

namespace Screener.Binance.Transport;

/// <summary>
/// The bookkeeping of one planned rotation. While the new connection subscribes, the old one keeps emitting and its
/// data frames are recorded; the new connection's data frames are kept in a ring of the newest ones. At the switch the
/// ring is emitted minus the frames the old connection already emitted (same bytes: the exchange sends one event
/// identically to every subscriber), and so are the next new frames, for as many frames as were recorded, in case the
/// old connection was ahead. Bounded by <c>capacity</c> in both directions. Not thread-safe: used under the life's write lock.
/// </summary>
internal sealed class RotationBuffer(int capacity)
{
    private readonly Queue<RawFrame> _ring = new();
    private readonly Queue<ReadOnlyMemory<byte>> _recordedOrder = new();
    private readonly Dictionary<ReadOnlyMemory<byte>, int> _recorded = new(PayloadComparer.Instance);
    private int _drainRemaining;

    /// <summary>True after <see cref="StartDraining"/> until the old history is no longer needed.</summary>
    public bool Draining { get; private set; }

    /// <summary>Duplicates dropped so far.</summary>
    public int DuplicatesDropped { get; private set; }

    /// <summary>Records a data frame the old connection emitted.</summary>
    public void RecordOld(RawFrame frame)
    {
        if (Draining) return;
        if (_recordedOrder.Count == capacity) Forget(_recordedOrder.Dequeue());
        _recordedOrder.Enqueue(frame.Payload);
        CollectionsMarshal.GetValueRefOrAddDefault(_recorded, frame.Payload, out _)++;
    }

    /// <summary>Keeps a data frame of the new connection (before the switch); the oldest is dropped when full.</summary>
    public void Buffer(RawFrame frame)
    {
        if (_ring.Count == capacity) _ring.Dequeue();
        _ring.Enqueue(frame);
    }

    /// <summary>The buffered new frames, oldest first; the ring is emptied.</summary>
    public List<RawFrame> TakeBuffered()
    {
        var frames = _ring.ToList();
        _ring.Clear();
        return frames;
    }

    /// <summary>After the switch: the next frames are checked against the old history, as many as it holds.</summary>
    public void StartDraining()
    {
        Draining = true;
        _drainRemaining = _recordedOrder.Count;
    }

    /// <summary>True when the history is exhausted and can be dropped.</summary>
    public bool Done => Draining && _drainRemaining <= 0;

    /// <summary>True (and counted) when the old connection already emitted these bytes; each recorded frame matches once.</summary>
    public bool IsDuplicate(RawFrame frame)
    {
        if (Draining) _drainRemaining--;
        if (!_recorded.TryGetValue(frame.Payload, out var count)) return false;
        if (count == 1) _recorded.Remove(frame.Payload);
        else _recorded[frame.Payload] = count - 1;
        DuplicatesDropped++;
        return true;
    }

    private void Forget(ReadOnlyMemory<byte> payload)
    {
        if (!_recorded.TryGetValue(payload, out var count)) return;
        if (count <= 1) _recorded.Remove(payload);
        else _recorded[payload] = count - 1;
    }

    private sealed class PayloadComparer : IEqualityComparer<ReadOnlyMemory<byte>>
    {
        public static readonly PayloadComparer Instance = new();

        public bool Equals(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(ReadOnlyMemory<byte> obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj.Span);
            return hash.ToHashCode();
        }
    }
}
