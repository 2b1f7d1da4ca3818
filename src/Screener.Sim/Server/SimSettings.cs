using System.Net;
using Screener.Sim.Faults;
using Screener.Sim.Market;
using Screener.Sim.Market.Episodes;

namespace Screener.Sim.Server;

/// <summary>Configuration of a <see cref="SimExchange"/>; defaults mirror live fstream where it matters.</summary>
public sealed record SimSettings
{
    /// <summary>Market PRNG seed.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Listed symbols: twelve majors, then SIM013USDT… (at most <see cref="SymbolCatalog.MaxSymbols"/>).</summary>
    public int SymbolCount { get; init; } = 12;

    /// <summary>Bind address; must be a loopback address, the simulator never listens on a network interface.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free ephemeral port (read it back from <see cref="SimExchange.RestBase"/>).</summary>
    public int Port { get; init; }

    /// <summary>Simulated time per market step, paced to the wall clock.</summary>
    public TimeSpan StepInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Simulated Unix ms at start; null = the wall clock (rounded down to the step so 1 s events land on whole seconds).</summary>
    public long? StartTimeMs { get; init; }

    /// <summary>Server WebSocket ping period (fstream: about 3 minutes).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>A client that has not answered a ping within this time is disconnected (fstream: 10 minutes).</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Streams one connection may hold; the next SUBSCRIBE over it gets error 4 and close 1008.</summary>
    public int MaxStreamsPerConnection { get; init; } = 1024;

    /// <summary>Book levels simulated per side (REST depth serves up to 1000).</summary>
    public int DepthLevels { get; init; } = 1000;

    /// <summary>Frames queued per connection before the server drops it as a slow consumer.</summary>
    public int SendQueueCapacity { get; init; } = 65_536;

    /// <summary>
    /// Enforce the fstream connection rules: close 1008 "Too many requests" past
    /// <see cref="MaxIncomingMessagesPerSecond"/>, error 4 and close 1008 "Invalid request" past
    /// <see cref="MaxStreamsPerConnection"/>, and deliver only the streams a path family carries. Off, every
    /// path delivers every stream and neither limit applies (for clients written before the 2026 path split).
    /// </summary>
    public bool Strict { get; init; } = true;

    /// <summary>Client frames (text, ping, pong, close) one connection may send per second in strict mode (fstream: 10).</summary>
    public int MaxIncomingMessagesPerSecond { get; init; } = 10;

    /// <summary>Connections are closed normally after this long (fstream: 24 h); the <c>lifetime</c> fault overrides it.</summary>
    public TimeSpan ConnectionLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>REST weight per IP per UTC minute (fapi: 2400); also what exchangeInfo's REQUEST_WEIGHT advertises.</summary>
    public int RestWeightLimit { get; init; } = 2400;

    /// <summary>Requests an IP may still send in a window after its first 429 there; the one that reaches this count gets 418.</summary>
    public int RestStrikesBeforeBan { get; init; } = 3;

    /// <summary>Length of an IP's first ban (live: 2 minutes); each further ban doubles it.</summary>
    public TimeSpan RestBanDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest ban (live: 3 days).</summary>
    public TimeSpan RestMaxBanDuration { get; init; } = TimeSpan.FromDays(3);

    /// <summary>Initial fault switches; change them at run time through <see cref="SimExchange.Faults"/>.</summary>
    public SimFaults Faults { get; init; } = SimFaults.None;

    /// <summary>
    /// Blast mode (null = off, the market is paced to the wall clock): a fixed tape sent at full speed to each
    /// connection after its subscribe handshake, REST frozen at the state before the tape (see <see cref="BlastSettings"/>).
    /// The market starts at <see cref="BlastSettings.StartTimeMs"/> unless <see cref="StartTimeMs"/> is set.
    /// </summary>
    public BlastSettings? Blast { get; init; }

    /// <summary>
    /// Planted in-play episodes in the served market (null = none, the default: the market is exactly as without them).
    /// The truth is on <see cref="Market.SimMarket.Episodes"/>; nothing of it reaches the wire.
    /// </summary>
    public EpisodeSettings? Episodes { get; init; }

    /// <summary>Throws on settings the exchange cannot honour.</summary>
    public void Validate()
    {
        if (!IPAddress.TryParse(Host, out var address) || !IPAddress.IsLoopback(address))
            throw new ArgumentException($"Host must be a loopback address, got '{Host}'.", nameof(Host));
        if (Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), Port, "Must be 0..65535.");
        if (PingInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(PingInterval), PingInterval, "Must be positive.");
        if (PongTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(PongTimeout), PongTimeout, "Must be positive.");
        if (MaxStreamsPerConnection < 1) throw new ArgumentOutOfRangeException(nameof(MaxStreamsPerConnection), MaxStreamsPerConnection, "Must be positive.");
        if (SendQueueCapacity < 16) throw new ArgumentOutOfRangeException(nameof(SendQueueCapacity), SendQueueCapacity, "Must be at least 16.");
        if (MaxIncomingMessagesPerSecond < 1) throw new ArgumentOutOfRangeException(nameof(MaxIncomingMessagesPerSecond), MaxIncomingMessagesPerSecond, "Must be positive.");
        if (ConnectionLifetime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ConnectionLifetime), ConnectionLifetime, "Must be positive.");
        if (RestWeightLimit < 1) throw new ArgumentOutOfRangeException(nameof(RestWeightLimit), RestWeightLimit, "Must be positive.");
        if (RestStrikesBeforeBan < 1) throw new ArgumentOutOfRangeException(nameof(RestStrikesBeforeBan), RestStrikesBeforeBan, "Must be positive.");
        if (RestBanDuration < TimeSpan.FromMilliseconds(1)) throw new ArgumentOutOfRangeException(nameof(RestBanDuration), RestBanDuration, "Must be at least 1 ms.");
        if (RestMaxBanDuration < RestBanDuration) throw new ArgumentOutOfRangeException(nameof(RestMaxBanDuration), RestMaxBanDuration, "Must be at least RestBanDuration.");
        ArgumentNullException.ThrowIfNull(Faults);
        Faults.Validate();
        Blast?.Validate();
        ToMarketSettings(1).Validate();
    }

    internal SimMarketSettings ToMarketSettings(long startTimeMs) =>
        new(Seed, SymbolCount, startTimeMs, (int)StepInterval.TotalMilliseconds, DepthLevels) { Episodes = Episodes };
}
