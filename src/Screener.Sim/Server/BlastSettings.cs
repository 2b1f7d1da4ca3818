namespace Screener.Sim.Server;

/// <summary>
/// Blast mode: instead of pacing the market to the wall clock, the exchange pre-generates a fixed tape of
/// <see cref="Messages"/> per-symbol frames and sends each connection its share of it as fast as the socket takes
/// it, starting right after the connection's first <c>LIST_SUBSCRIPTIONS</c> reply (the end of a client's subscribe
/// handshake). REST answers from the market as it stood before the tape, so depth snapshots join the tape's first
/// diffs and a client's book sync applies every diff that follows.
/// </summary>
/// <param name="Messages">Frames on the tape (at least 1).</param>
public sealed record BlastSettings(int Messages)
{
    /// <summary>
    /// The per-symbol streams a screener node subscribes: diff depth (100 ms), book ticker, aggregate trades, mark
    /// price (1 s) and liquidations.
    /// </summary>
    public static readonly IReadOnlyList<string> NodeStreams = ["@depth@100ms", "@bookTicker", "@aggTrade", "@markPrice@1s", "@forceOrder"];

    /// <summary>Stream suffixes (after the lower-case symbol) the tape carries; default <see cref="NodeStreams"/>.</summary>
    public IReadOnlyList<string> StreamSuffixes { get; init; } = NodeStreams;

    /// <summary>Simulated Unix ms before the first step of the tape (fixed, so a seed always gives the same bytes).</summary>
    public long StartTimeMs { get; init; } = 1_791_382_980_000;

    /// <summary>Throws on settings the tape cannot honour.</summary>
    public void Validate()
    {
        if (Messages < 1) throw new ArgumentOutOfRangeException(nameof(Messages), Messages, "Must be at least 1.");
        ArgumentNullException.ThrowIfNull(StreamSuffixes);
        if (StreamSuffixes.Count == 0) throw new ArgumentException("At least one stream suffix is required.", nameof(StreamSuffixes));
        var known = new HashSet<string>(Market.StreamNames.SymbolSuffixes, StringComparer.Ordinal);
        foreach (var suffix in StreamSuffixes)
            if (!known.Contains(suffix))
                throw new ArgumentException($"'{suffix}' is not a per-symbol stream the simulator produces.", nameof(StreamSuffixes));
        if (StartTimeMs <= 0) throw new ArgumentOutOfRangeException(nameof(StartTimeMs), StartTimeMs, "Must be a positive Unix time in ms.");
    }
}
