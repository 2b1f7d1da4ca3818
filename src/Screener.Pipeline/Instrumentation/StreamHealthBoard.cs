namespace Screener.Pipeline.Instrumentation;

/// <summary>
/// Last-message age and stale flag of every watched symbol stream, as the clock saw them at its latest tick
/// (event time). Published once per tick; readers get an immutable snapshot.
/// </summary>
public sealed class StreamHealthBoard
{
    private StreamHealthSnapshot _current = StreamHealthSnapshot.Empty;

    /// <summary>The latest published snapshot.</summary>
    public StreamHealthSnapshot Current => Volatile.Read(ref _current);

    internal void Publish(StreamHealthSnapshot snapshot) => Volatile.Write(ref _current, snapshot);
}

/// <summary>Stream health at one tick.</summary>
/// <param name="AtTicks">Event time of the tick (UTC ticks); 0 before the first tick.</param>
/// <param name="Streams">One row per (symbol, kind), in symbol then kind order.</param>
public sealed record StreamHealthSnapshot(long AtTicks, IReadOnlyList<StreamHealthRow> Streams)
{
    public static readonly StreamHealthSnapshot Empty = new(0, []);

    /// <summary>Rows flagged stale.</summary>
    public IEnumerable<StreamHealthRow> Stale => Streams.Where(s => s.Stale);

    /// <summary>The row for <paramref name="symbol"/> and <paramref name="kind"/>, if watched.</summary>
    public StreamHealthRow? Find(string symbol, string kind) =>
        Streams.FirstOrDefault(s => s.Symbol == symbol && s.Kind == kind);
}

/// <summary>One symbol stream's health.</summary>
/// <param name="LastSeenTicks">Event time of its last message, or of its confirmed subscription when none came yet.</param>
/// <param name="Age">Time since then, at the snapshot's tick.</param>
/// <param name="Stale">True while silent past its threshold.</param>
public sealed record StreamHealthRow(string Symbol, string Kind, long LastSeenTicks, TimeSpan Age, bool Stale);
