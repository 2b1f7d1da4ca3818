namespace Screener.Sim.Journal;

/// <summary>
/// One frame as a node would journal it, before the node's own framing (status payloads, REST envelope, sequence
/// number) is applied by whoever writes the journal. Frames come out of <see cref="SimJournalSession"/> in journal order.
/// </summary>
/// <param name="ConnectionId">The planned connection it arrived on (<c>clock</c> for heartbeats).</param>
/// <param name="TsInit">Receive time in UTC ticks (<see cref="DateTime.Ticks"/>): the exchange's event time plus latency.</param>
public abstract record SimJournalFrame(string ConnectionId, long TsInit);
