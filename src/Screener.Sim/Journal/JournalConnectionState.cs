namespace Screener.Sim.Journal;

/// <summary>A planned connection during a <see cref="SimJournalSession"/>: when it came up, and which symbols' diffs it has delivered.</summary>
internal sealed class JournalConnectionState(JournalConnection plan, int index, long upTicks)
{
    public JournalConnection Plan { get; } = plan;

    public string Id => Plan.Id;

    /// <summary>Position in the plan; also the tick offset that orders the connections' simultaneous status frames.</summary>
    public int Index { get; } = index;

    /// <summary>When LIST_SUBSCRIPTIONS confirmed the streams: REST answers for this connection are fetched from then on.</summary>
    public long UpTicks { get; } = upTicks;

    /// <summary>Symbols whose first diff after connecting has arrived (each one asked for a depth snapshot).</summary>
    public HashSet<string> DepthSeen { get; } = new(StringComparer.Ordinal);
}
