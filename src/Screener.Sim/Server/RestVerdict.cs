namespace Screener.Sim.Server;

/// <summary>What the REST gate decided about one request.</summary>
internal enum RestVerdict
{
    /// <summary>Serve it.</summary>
    Allowed,

    /// <summary>429: over the weight limit (or a 429 storm); back off until <c>Retry-After</c>.</summary>
    TooMany,

    /// <summary>418: the IP is banned.</summary>
    Banned,
}
