namespace Screener.Configuration;

/// <summary><c>screener.journal</c>: raw-frame batching and the write timeout; the node's ingest shard name.</summary>
public sealed record JournalSettings(int RawBatchFrames, TimeSpan RawBatchDelay, TimeSpan WriteTimeout, string Shard)
{
    public JournalSettings Validate()
    {
        if (RawBatchFrames < 1) throw new ArgumentException($"screener.journal.raw-batch-frames must be at least 1, was {RawBatchFrames}.");
        if (RawBatchDelay <= TimeSpan.Zero) throw new ArgumentException("screener.journal.raw-batch-delay must be positive.");
        if (WriteTimeout <= TimeSpan.Zero) throw new ArgumentException("screener.journal.write-timeout must be positive.");
        if (string.IsNullOrWhiteSpace(Shard) || Shard.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
            throw new ArgumentException($"screener.node.shard must be letters, digits or '-', was '{Shard}'.");
        return this;
    }
}
