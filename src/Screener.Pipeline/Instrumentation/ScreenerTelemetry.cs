namespace Screener.Pipeline.Instrumentation;

/// <summary>All counters of one running graph.</summary>
public sealed class ScreenerTelemetry
{
    public StageRegistry Stages { get; } = new();

    public DecodeCounters Decode { get; } = new();

    public HealthCounters Health { get; } = new();
}
