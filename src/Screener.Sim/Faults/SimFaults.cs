namespace Screener.Sim.Faults;

/// <summary>
/// Fault injection switches of the simulated exchange. The exchange reads the current value on every
/// request and frame, so tests can change it while clients are connected (<see cref="Server.SimExchange.Faults"/>).
/// Durations "from activation" count from the moment the value was set (or the exchange started with it).
/// <see cref="TimeSpan.Zero"/> switches a fault off. <see cref="Parse"/> reads the command-line form,
/// <see cref="Describe"/> writes it back.
/// </summary>
public sealed record SimFaults
{
    /// <summary>No faults.</summary>
    public static SimFaults None { get; } = new();

    /// <summary>
    /// <c>rest-latency=D</c>: delay added to every REST response after its content is computed, so a depth
    /// snapshot arrives older than the diffs the client buffered meanwhile.
    /// </summary>
    public TimeSpan RestLatency { get; init; }

    /// <summary><c>disconnect-every=D</c>: every D, abort every open WebSocket without a close handshake.</summary>
    public TimeSpan DisconnectEvery { get; init; }

    /// <summary>
    /// <c>gap-every=D</c>: every D, withhold the next depthUpdate of one symbol on each of its depth streams,
    /// so the <c>pu</c> chain of its subscribers breaks. Symbols take turns (those with depth subscribers).
    /// </summary>
    public TimeSpan GapEvery { get; init; }

    /// <summary><c>gap-symbol=SYM</c>: always gap this symbol (upper case) instead of taking turns.</summary>
    public string? GapSymbol { get; init; }

    /// <summary><c>silent=SYM[;SYM2]</c>: no frames at all for these symbols (upper case), other symbols flow.</summary>
    public IReadOnlyList<string> SilentSymbols { get; init; } = [];

    /// <summary><c>malformed-every=D</c>: every D, send one broken frame on every socket (truncated JSON, wrong types, garbage, in turn).</summary>
    public TimeSpan MalformedEvery { get; init; }

    /// <summary><c>rest-429-storm=D</c>: for D from activation, answer every weighted REST call 429 with <c>Retry-After: 1</c>.</summary>
    public TimeSpan Rest429Storm { get; init; }

    /// <summary><c>rest-418=D</c>: ban every client for D from activation: REST 418, sockets closed 1008, new sockets refused.</summary>
    public TimeSpan Rest418Ban { get; init; }

    /// <summary><c>slow=D</c>: every outgoing WebSocket frame leaves D after it was queued.</summary>
    public TimeSpan Slow { get; init; }

    /// <summary><c>pause=D@T</c>: send nothing at all (frames, pings) for <see cref="PauseFor"/>, starting <see cref="PauseAfter"/> after activation.</summary>
    public TimeSpan PauseFor { get; init; }

    /// <summary>Start of the pause, from activation (the <c>@T</c> part).</summary>
    public TimeSpan PauseAfter { get; init; }

    /// <summary><c>lifetime=D</c>: close each connection normally D after it opened (live: 24 h).</summary>
    public TimeSpan Lifetime { get; init; }

    /// <summary>
    /// Reads a comma-separated spec such as <c>disconnect-every=10s,silent=ETHUSDT,pause=3s@20s</c>; empty or
    /// <c>none</c> gives <see cref="None"/>. Durations take ms, s, m, h or d.
    /// </summary>
    /// <exception cref="FormatException">The message names the part that is wrong and why.</exception>
    public static SimFaults Parse(string spec) => FaultSpec.Parse(spec);

    /// <summary>The spec of these faults in canonical order (<c>none</c> when off); <see cref="Parse"/> reads it back.</summary>
    public string Describe() => FaultSpec.Describe(this);

    /// <summary>Throws when a value cannot be honoured (negative duration, pause without a length, bad symbol).</summary>
    public void Validate() => FaultSpec.Validate(this);

    public bool Equals(SimFaults? other) =>
        other is not null
        && (RestLatency, DisconnectEvery, GapEvery, GapSymbol, MalformedEvery, Rest429Storm, Rest418Ban, Slow, PauseFor, PauseAfter, Lifetime)
            == (other.RestLatency, other.DisconnectEvery, other.GapEvery, other.GapSymbol, other.MalformedEvery, other.Rest429Storm,
                other.Rest418Ban, other.Slow, other.PauseFor, other.PauseAfter, other.Lifetime)
        && SilentSymbols.SequenceEqual(other.SilentSymbols, StringComparer.Ordinal);

    public override int GetHashCode() =>
        HashCode.Combine(HashCode.Combine(RestLatency, DisconnectEvery, GapEvery, GapSymbol, MalformedEvery, Rest429Storm),
            HashCode.Combine(Rest418Ban, Slow, PauseFor, PauseAfter, Lifetime, SilentSymbols.Count));

    public override string ToString() => Describe();
}
