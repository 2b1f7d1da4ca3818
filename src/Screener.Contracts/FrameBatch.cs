namespace Screener.Contracts;

/// <summary>The raw journal's event: consecutive frames (and heartbeats) of one shard, in sequence order.</summary>
public sealed record FrameBatch(string Shard, EquatableArray<RawFrame> Frames) : IScreenerMessage
{
    /// <summary>Short form for logs: a batch can hold a thousand frames.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Shard = {Shard}, Frames = {Frames.Count}");
        if (Frames.Count > 0) builder.Append($", Sequences = {Frames[0].Sequence}..{Frames[Frames.Count - 1].Sequence}");
        return true;
    }
}
