namespace Screener.Configuration;

/// <summary>
/// <c>screener.demo</c>: the simulated exchange's seed and size, how often it plants in-play episodes, and the live
/// table refresh.
/// </summary>
/// <param name="EpisodeRate">Planted in-play episodes per symbol per idle hour; 0 plants none.</param>
public sealed record DemoSettings(int Seed, int Symbols, TimeSpan Refresh, double EpisodeRate = 4)
{
    public DemoSettings Validate()
    {
        if (Seed < 0) throw new ArgumentException($"screener.demo.seed must not be negative, was {Seed}.");
        if (Symbols is < 1 or > 1000) throw new ArgumentException($"screener.demo.symbols must be 1..1000, was {Symbols}.");
        if (Refresh < TimeSpan.FromMilliseconds(100)) throw new ArgumentException("screener.demo.refresh must be at least 100ms.");
        if (!(EpisodeRate >= 0 && EpisodeRate <= 3600)) throw new ArgumentException($"screener.demo.episode-rate must be 0..3600 per symbol-hour, was {EpisodeRate}.");
        return this;
    }
}
