using Screener.Sim.Market;

namespace Screener.Sim.Journal;

/// <summary>
/// What <see cref="SimJournalSession"/> records: the market, the node's connection plan, how long, and the node-side
/// timings that shape a journal (latency, subscription pacing, REST polls, heartbeats, planned rotation). The defaults
/// are the node's defaults in <c>hocon/screener.conf</c>; the executable passes the configured values.
/// </summary>
public sealed record SimJournalSettings
{
    /// <summary>The market model (seed, symbols, start, episodes).</summary>
    public required SimMarketSettings Market { get; init; }

    /// <summary>The node's connections.</summary>
    public required JournalPlan Plan { get; init; }

    /// <summary>Simulated time to record.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>One-way network latency: a frame is received this long after its event time; a REST call takes two of them.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(3);

    /// <summary>Time the exchange spends answering a REST call.</summary>
    public TimeSpan RestServiceTime { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Stream names per SUBSCRIBE message (<c>screener.exchange.subscribe.max-streams-per-message</c>).</summary>
    public int MaxStreamsPerMessage { get; init; } = 100;

    /// <summary>Spacing of a connection's control messages (<c>subscribe.messages-per-second</c> = 5: 200 ms).</summary>
    public TimeSpan MessageInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Depth snapshots fetched at the same time (<c>screener.exchange.snapshots.concurrency</c>).</summary>
    public int SnapshotConcurrency { get; init; } = 1;

    /// <summary>Levels per side of a depth snapshot (<c>screener.exchange.depth-snapshot-limit</c>).</summary>
    public int DepthSnapshotLimit { get; init; } = 1000;

    /// <summary><c>pollers.premium-index</c>; null = off.</summary>
    public TimeSpan? PremiumIndexInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>pollers.open-interest</c>: every symbol once per interval, one at a time; null = off.</summary>
    public TimeSpan? OpenInterestInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary><c>pollers.funding-info</c>; null = off.</summary>
    public TimeSpan? FundingInfoInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A heartbeat when no frame arrived for this long (<c>screener.ingest.heartbeat-interval</c>).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Planned rotation to a fresh connection at this age (<c>connection.max-connection-age</c>); null = never.</summary>
    public TimeSpan? MaxConnectionAge { get; init; } = TimeSpan.FromMinutes(1410);

    /// <summary>Throws on settings the session cannot honour.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Market);
        ArgumentNullException.ThrowIfNull(Plan);
        Market.Validate();
        Plan.Validate();
        if (Duration < TimeSpan.FromMilliseconds(Market.StepMs))
            throw new ArgumentOutOfRangeException(nameof(Duration), Duration, $"Must be at least one market step ({Market.StepMs} ms).");
        if (Latency < TimeSpan.Zero || Latency >= TimeSpan.FromMilliseconds(Market.StepMs) / 4)
            throw new ArgumentOutOfRangeException(nameof(Latency), Latency, "Must be at least 0 and under a quarter of a market step.");
        if (RestServiceTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RestServiceTime), RestServiceTime, "Must not be negative.");
        if (MaxStreamsPerMessage < 1) throw new ArgumentOutOfRangeException(nameof(MaxStreamsPerMessage), MaxStreamsPerMessage, "Must be positive.");
        if (MessageInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MessageInterval), MessageInterval, "Must be positive.");
        if (SnapshotConcurrency < 1) throw new ArgumentOutOfRangeException(nameof(SnapshotConcurrency), SnapshotConcurrency, "Must be positive.");
        if (DepthSnapshotLimit is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(DepthSnapshotLimit), DepthSnapshotLimit, "Must be 1..1000.");
        foreach (var (name, interval) in new[]
                 {
                     (nameof(PremiumIndexInterval), PremiumIndexInterval), (nameof(OpenInterestInterval), OpenInterestInterval),
                     (nameof(FundingInfoInterval), FundingInfoInterval), (nameof(MaxConnectionAge), MaxConnectionAge),
                 })
            if (interval is { } value && value < TimeSpan.FromMilliseconds(10))
                throw new ArgumentOutOfRangeException(name, value, "Must be at least 10 ms, or null for off.");
        if (HeartbeatInterval < TimeSpan.FromMilliseconds(10))
            throw new ArgumentOutOfRangeException(nameof(HeartbeatInterval), HeartbeatInterval, "Must be at least 10 ms.");
        var listed = SymbolCatalog.Create(Market.SymbolCount).Select(s => s.Symbol).ToHashSet(StringComparer.Ordinal);
        foreach (var connection in Plan.Connections)
        foreach (var symbol in connection.Symbols)
            if (!listed.Contains(symbol))
                throw new ArgumentException($"Connection '{connection.Id}' plans {symbol}, which the market does not list.", nameof(Plan));
    }
}
