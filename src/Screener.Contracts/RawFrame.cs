namespace Screener.Contracts;

/// <summary>
/// One frame as it entered the node, after the merge point: the unit the raw journal records and replay reads.
/// </summary>
/// <param name="ConnectionId">The connection (shard and path) that received it, for example <c>s0/public</c>.</param>
/// <param name="Sequence">Per-node sequence number assigned after the merge; 0 before sequencing.</param>
/// <param name="TsInit">Local receive time, UTC ticks.</param>
/// <param name="Kind">WebSocket frame, wrapped REST response, or heartbeat.</param>
/// <param name="Payload">UTF-8 bytes exactly as received. Never mutated after construction.</param>
public sealed record RawFrame(string ConnectionId, long Sequence, long TsInit, RawFrameKind Kind, ReadOnlyMemory<byte> Payload)
    : IScreenerMessage
{
    public static RawFrame Heartbeat(long tsInit) => new("clock", 0, tsInit, RawFrameKind.Heartbeat, ReadOnlyMemory<byte>.Empty);

    /// <summary>Value equality including payload bytes (records compare <see cref="ReadOnlyMemory{T}"/> by reference).</summary>
    public bool Equals(RawFrame? other) =>
        other is not null && ConnectionId == other.ConnectionId && Sequence == other.Sequence && TsInit == other.TsInit
        && Kind == other.Kind && Payload.Span.SequenceEqual(other.Payload.Span);

    public override int GetHashCode() => HashCode.Combine(ConnectionId, Sequence, TsInit, Kind, Payload.Length);
}
