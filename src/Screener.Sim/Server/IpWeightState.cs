namespace Screener.Sim.Server;

/// <summary>One IP's standing with the REST gate: weight in the current window, 429 strikes and its ban history.</summary>
internal sealed class IpWeightState
{
    public long WindowStartMs { get; set; } = long.MinValue;

    public int Used { get; set; }

    /// <summary>Whether the IP was answered 429 in the current window; later requests in it are strikes.</summary>
    public bool Refused { get; set; }

    public int Strikes { get; set; }

    public long BannedUntilMs { get; set; }

    /// <summary>End of the <c>Retry-After</c> of the IP's last 429 (exchange ms); kept across windows.</summary>
    public long RetryAfterUntilMs { get; set; }

    /// <summary>Bans so far; each one doubles the next ban's length.</summary>
    public int Bans { get; set; }
}
