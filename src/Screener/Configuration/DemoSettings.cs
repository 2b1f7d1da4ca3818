namespace Screener.Configuration;

/// <summary><c>screener.demo</c>: the simulated exchange's seed and size, and the live table refresh.</summary>
public sealed record DemoSettings(int Seed, int Symbols, TimeSpan Refresh)
{
    public DemoSettings Validate()
    {
        if (Seed < 0) throw new ArgumentException($"screener.demo.seed must not be negative, was {Seed}.");
        if (Symbols is < 1 or > 1000) throw new ArgumentException($"screener.demo.symbols must be 1..1000, was {Symbols}.");
        if (Refresh < TimeSpan.FromMilliseconds(100)) throw new ArgumentException("screener.demo.refresh must be at least 100ms.");
        return this;
    }
}
