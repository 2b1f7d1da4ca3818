namespace Screener.Analytics.Scoring;

/// <summary>
/// Thresholds of the toxicity and liquidity gates (<see cref="SymbolGates"/>); data-issue gates have none.
/// </summary>
/// <param name="MaxVpin">VPIN (0..1, share of volume that is one-sided over the last 50 buckets) at or above which a symbol is gated as toxic.</param>
/// <param name="MaxSpreadBps">Spread in bps of the mid above which a symbol is gated as illiquid.</param>
public sealed record GateSettings(double MaxVpin = 0.9, double MaxSpreadBps = 30)
{
    public static GateSettings Default { get; } = new();

    public GateSettings Validate()
    {
        if (!(MaxVpin > 0 && MaxVpin <= 1)) throw new ArgumentException($"gates.max-vpin must be in (0, 1], was {MaxVpin}.");
        if (!(MaxSpreadBps > 0) || double.IsInfinity(MaxSpreadBps)) throw new ArgumentException($"gates.max-spread-bps must be positive and finite, was {MaxSpreadBps}.");
        return this;
    }
}
