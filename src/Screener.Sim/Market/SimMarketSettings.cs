using Screener.Sim.Market.Episodes;

namespace Screener.Sim.Market;

/// <summary>Inputs of the deterministic market model; equal settings give byte-identical event sequences.</summary>
/// <param name="Seed">PRNG seed.</param>
/// <param name="SymbolCount">Number of listed symbols (1..<see cref="SymbolCatalog.MaxSymbols"/>).</param>
/// <param name="StartTimeMs">Simulated Unix time in ms before the first step.</param>
/// <param name="StepMs">Simulated time advanced by one <see cref="SimMarket.Step()"/>.</param>
/// <param name="DepthLevels">Price levels kept per book side (REST depth serves up to 1000).</param>
public sealed record SimMarketSettings(
    ulong Seed = 1,
    int SymbolCount = 12,
    long StartTimeMs = 1_791_382_980_000,
    int StepMs = 100,
    int DepthLevels = 1000)
{
    /// <summary>Planted in-play episodes; null (the default) plants none, and the market is exactly as without them.</summary>
    public EpisodeSettings? Episodes { get; init; }

    /// <summary>Throws when a value would make the model meaningless.</summary>
    public void Validate()
    {
        if (SymbolCount is < 1 or > SymbolCatalog.MaxSymbols)
            throw new ArgumentOutOfRangeException(nameof(SymbolCount), SymbolCount, $"Must be 1..{SymbolCatalog.MaxSymbols}.");
        if (StepMs is < 10 or > 1000)
            throw new ArgumentOutOfRangeException(nameof(StepMs), StepMs, "Must be 10..1000 ms.");
        if (DepthLevels is < 20 or > 5000)
            throw new ArgumentOutOfRangeException(nameof(DepthLevels), DepthLevels, "Must be 20..5000.");
        if (StartTimeMs <= 0)
            throw new ArgumentOutOfRangeException(nameof(StartTimeMs), StartTimeMs, "Must be a positive Unix time in ms.");
        Episodes?.Validate();
    }
}
