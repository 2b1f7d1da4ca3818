namespace Screener.Configuration;

/// <summary><c>screener.journal</c>: raw-frame batching and the write timeout.</summary>
public sealed record JournalSettings(int RawBatchFrames, TimeSpan RawBatchDelay, TimeSpan WriteTimeout)
{
    public JournalSettings Validate()
    {
        if (RawBatchFrames < 1) throw new ArgumentException($"screener.journal.raw-batch-frames must be at least 1, was {RawBatchFrames}.");
        if (RawBatchDelay <= TimeSpan.Zero) throw new ArgumentException("screener.journal.raw-batch-delay must be positive.");
        if (WriteTimeout <= TimeSpan.Zero) throw new ArgumentException("screener.journal.write-timeout must be positive.");
        return this;
    }
}
