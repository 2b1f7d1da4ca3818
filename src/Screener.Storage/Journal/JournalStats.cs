namespace Screener.Storage.Journal;

/// <summary>Counts of one persistence id: events, events per tag, and raw frames inside frame batches.</summary>
public sealed record JournalStats(string PersistenceId, long Events, long HighestSequenceNr, IReadOnlyDictionary<string, long> Tags, long Frames);
