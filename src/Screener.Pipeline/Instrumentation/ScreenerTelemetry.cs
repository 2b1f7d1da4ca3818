namespace Screener.Pipeline.Instrumentation;

/// <summary>All counters of one running graph.</summary>
public sealed class ScreenerTelemetry
{
    public StageRegistry Stages { get; } = new();

    public DecodeCounters Decode { get; } = new();

    public HealthCounters Health { get; } = new();

    /// <summary>Last-message age and stale flag per symbol stream, refreshed every tick.</summary>
    public StreamHealthBoard Streams { get; } = new();
}
