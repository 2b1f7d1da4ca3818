namespace Screener.Configuration;

/// <summary><c>screener.router</c>: the ingest buffer size and the symbols whose trades are never shed.</summary>
public sealed record RouterSettings(int BufferFrames, IReadOnlyList<string> PrioritySymbols)
{
    public RouterSettings Validate()
    {
        if (BufferFrames < 16) throw new ArgumentException($"screener.router.buffer-frames must be at least 16, was {BufferFrames}.");
        return this;
    }
}
