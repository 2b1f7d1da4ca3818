using Akka;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Screener.Contracts;

namespace Screener.Storage.Journal;

/// <summary>
/// Reads the journal back through Akka.Persistence.Query (the SQL read journal): the events a node persisted,
/// for replay, inspection and tests. Current queries only: they complete at the journal's present end.
/// </summary>
public sealed class JournalReader
{
    private readonly SqlReadJournal _journal;
    private readonly IMaterializer _materializer;

    public JournalReader(ActorSystem system)
    {
        _journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        _materializer = system.Materializer();
    }

    public Source<T, NotUsed> Events<T>(string persistenceId) where T : IScreenerMessage =>
        _journal.CurrentEventsByPersistenceId(persistenceId, 0, long.MaxValue).Select(e => (T)e.Event);

    /// <summary>Raw frames of one shard in sequence order, flattened from their batches: the replay source.</summary>
    public Source<RawFrame, NotUsed> RawFrames(string shard) =>
        Events<FrameBatch>(JournalSinks.RawId(shard)).SelectMany(batch => batch.Frames);

    /// <summary>The shards that have a raw journal (<c>raw-&lt;shard&gt;</c>), in ordinal order; reads no events.</summary>
    public async Task<IReadOnlyList<string>> RawShardsAsync(CancellationToken ct = default)
    {
        var ids = await _journal.CurrentPersistenceIds().RunWith(Sink.Seq<string>(), _materializer).WaitAsync(ct);
        return ids.Where(id => id.StartsWith(JournalSinks.RawIdPrefix, StringComparison.Ordinal))
            .Select(id => id[JournalSinks.RawIdPrefix.Length..]).Order(StringComparer.Ordinal).ToList();
    }

    public Task<IReadOnlyList<T>> ReadAllAsync<T>(string persistenceId, CancellationToken ct = default) where T : IScreenerMessage =>
        Events<T>(persistenceId).RunWith(Sink.Seq<T>(), _materializer).ContinueWith(t => (IReadOnlyList<T>)t.Result, ct);

    public async Task<IReadOnlyList<JournalStats>> StatsAsync(CancellationToken ct = default)
    {
        var ids = await _journal.CurrentPersistenceIds().RunWith(Sink.Seq<string>(), _materializer);
        var stats = new List<JournalStats>(ids.Count);
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            stats.Add(await _journal.CurrentEventsByPersistenceId(id, 0, long.MaxValue)
                .RunAggregate(new Accumulator(id), (acc, e) => acc.Add(e), _materializer)
                .ContinueWith(t => t.Result.ToStats(), ct));
        }
        return stats;
    }

    private sealed class Accumulator(string id)
    {
        private readonly SortedDictionary<string, long> _tags = new(StringComparer.Ordinal);
        private long _events;
        private long _highest;
        private long _frames;

        public Accumulator Add(EventEnvelope envelope)
        {
            _events++;
            _highest = Math.Max(_highest, envelope.SequenceNr);
            foreach (var tag in envelope.Tags) _tags[tag] = _tags.GetValueOrDefault(tag) + 1;
            if (envelope.Event is FrameBatch batch) _frames += batch.Frames.Count;
            return this;
        }

        public JournalStats ToStats() => new(id, _events, _highest, _tags, _frames);
    }
}
