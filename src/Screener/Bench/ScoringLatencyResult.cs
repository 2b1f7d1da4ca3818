namespace Screener.Bench;

/// <summary>What <see cref="ScoringLatency"/> measured.</summary>
/// <param name="Latency">Per call.</param>
/// <param name="AllocatedBytesPerCall">Mean bytes the thread allocated per timed call.</param>
/// <param name="GatedShare">Share of timed calls whose prediction carries a gate.</param>
/// <param name="Collections">Garbage collections during the timed calls.</param>
public sealed record ScoringLatencyResult(LatencyStats Latency, double AllocatedBytesPerCall, double GatedShare, GcCounts Collections);
