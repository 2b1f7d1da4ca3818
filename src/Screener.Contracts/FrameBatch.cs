namespace Screener.Contracts;

/// <summary>The raw journal's event: consecutive frames (and heartbeats) of one shard, in sequence order.</summary>
public sealed record FrameBatch(string Shard, EquatableArray<RawFrame> Frames) : IScreenerMessage;
