using Screener.Sim.Market;

namespace Screener.Sim.Server;

/// <summary>
/// The fixed frame sequence of blast mode: the first <see cref="BlastSettings.Messages"/> events of the wanted
/// per-symbol streams, stepped out of a <see cref="SimMarket"/> built from the exchange's own market settings. Each
/// event keeps its stream (as a small id) and its bare payload; the tape is immutable once generated and shared by
/// every connection.
/// </summary>
public sealed class BlastTape
{
    private const int MaxIdleSteps = 100_000;

    private readonly int[] _streamOf;
    private readonly byte[][] _payloads;

    private BlastTape(IReadOnlyList<string> streams, int[] streamOf, byte[][] payloads, long steps)
    {
        Streams = streams;
        _streamOf = streamOf;
        _payloads = payloads;
        Steps = steps;
        long bytes = 0;
        foreach (var payload in payloads) bytes += payload.Length;
        Bytes = bytes;
    }

    /// <summary>Frames on the tape.</summary>
    public int Count => _payloads.Length;

    /// <summary>Stream names, indexed by stream id.</summary>
    public IReadOnlyList<string> Streams { get; }

    /// <summary>Market steps the tape spans.</summary>
    public long Steps { get; }

    /// <summary>Payload bytes on the tape (bare payloads, no combined-stream wrapper).</summary>
    public long Bytes { get; }

    /// <summary>The stream id of frame <paramref name="index"/>.</summary>
    public int StreamOf(int index) => _streamOf[index];

    /// <summary>The bare payload of frame <paramref name="index"/>; shared, never mutate.</summary>
    public byte[] Payload(int index) => _payloads[index];

    /// <summary>Frames per stream type (the suffix after the symbol, e.g. <c>@aggTrade</c>), in first-seen order.</summary>
    public IReadOnlyList<(string Type, int Frames)> CountByType()
    {
        var types = Streams.Select(s => s[s.IndexOf('@')..]).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var id in _streamOf)
        {
            var type = types[id];
            if (counts.TryAdd(type, 1)) order.Add(type);
            else counts[type]++;
        }
        return order.Select(t => (t, counts[t])).ToList();
    }

    /// <summary>Steps a fresh market from <paramref name="market"/> until the tape is full.</summary>
    /// <exception cref="InvalidOperationException">The wanted streams produced nothing for a long run of steps.</exception>
    public static BlastTape Generate(SimMarketSettings market, BlastSettings blast)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(blast);
        blast.Validate();
        var suffixes = new HashSet<string>(blast.StreamSuffixes, StringComparer.Ordinal);
        var lookup = suffixes.GetAlternateLookup<ReadOnlySpan<char>>();
        bool Wanted(string stream)
        {
            var at = stream.IndexOf('@');
            return at > 0 && lookup.Contains(stream.AsSpan(at));
        }

        var sim = new SimMarket(market);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var streams = new List<string>();
        var streamOf = new int[blast.Messages];
        var payloads = new byte[blast.Messages][];
        var filled = 0;
        var idle = 0;
        while (filled < payloads.Length)
        {
            var events = sim.Step(Wanted);
            idle = events.Count == 0 ? idle + 1 : 0;
            if (idle > MaxIdleSteps)
                throw new InvalidOperationException($"No frame on streams {string.Join(", ", blast.StreamSuffixes)} for {MaxIdleSteps} steps.");
            foreach (var ev in events)
            {
                // All-market streams (!bookTicker, …) are never on the tape; the filter already keeps them out.
                if (!ids.TryGetValue(ev.Stream, out var id))
                {
                    id = streams.Count;
                    ids.Add(ev.Stream, id);
                    streams.Add(ev.Stream);
                }
                streamOf[filled] = id;
                payloads[filled] = ev.Payload;
                if (++filled == payloads.Length) break;
            }
        }
        return new BlastTape(streams, streamOf, payloads, sim.StepCount);
    }

    /// <summary>Which of the tape's streams a connection receives: true for each stream id in <paramref name="subscribed"/>.</summary>
    internal bool[] Select(IReadOnlySet<string> subscribed)
    {
        var wanted = new bool[Streams.Count];
        for (var id = 0; id < wanted.Length; id++) wanted[id] = subscribed.Contains(Streams[id]);
        return wanted;
    }
}
