namespace Screener.Sim.Market;

/// <summary>Collects per-symbol markPrice payloads during a step for the all-market array streams.</summary>
internal sealed class MarkBatch
{
    public MarkBatch(bool wantsOneSecond, bool wantsThreeSeconds)
    {
        WantsOneSecond = wantsOneSecond;
        WantsThreeSeconds = wantsThreeSeconds;
    }

    public bool WantsOneSecond { get; }

    public bool WantsThreeSeconds { get; }

    public List<byte[]> OneSecond { get; } = [];

    public List<byte[]> ThreeSeconds { get; } = [];
}
