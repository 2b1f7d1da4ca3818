namespace Screener.Bench;

/// <summary>What <c>screener bench ingest</c> runs.</summary>
/// <param name="Symbols">Simulated symbols (the universe).</param>
/// <param name="Messages">Frames on the tape.</param>
/// <param name="Connections">WebSocket connections to plan for, or null for the node's configured plan.</param>
/// <param name="Seed">Market seed of the tape.</param>
/// <param name="Warmup">Messages processed before the measured window opens.</param>
/// <param name="ChannelCapacity">Frames buffered between each socket and the graph, or null for the connector's default.</param>
public sealed record IngestBenchOptions(int Symbols, int Messages, int? Connections, int Seed, int Warmup, int? ChannelCapacity = null)
{
    /// <summary>Without stalling for this long the run is declared stuck.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>After the tape, how long books still waiting for their snapshot may take.</summary>
    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Default warm-up: a tenth of the tape.</summary>
    public static int DefaultWarmup(int messages) => Math.Max(1, (int)(messages * 2L / 5));
}
