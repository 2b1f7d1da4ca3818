using Screener.Analytics.Books;
using Screener.Analytics.Labels;
using Screener.Contracts;
using Screener.Offline.BuildFeatures;

namespace Screener.Offline.Train;

/// <summary>
/// Joins a journal's features with their labels: <see cref="OfflineFeatureBuilder"/> gives each symbol's snapshot per
/// tick, and at the same tick its synced book is observed (<see cref="LabelBuilder.Observe"/>, through the symbol
/// state's read-only tick observer, so the snapshots are the ones built without it). Each symbol's observations are
/// labelled by <see cref="LabelBuilder.Build"/> (from observations after the tick, within each horizon), and the
/// snapshot at <c>t</c> takes the labels of the observation at <c>t</c>. A snapshot is excluded, and counted, when it is
/// flagged (warm-up, stale, book out of sync), when its tick has no observation, or when any head's label is incomplete.
/// </summary>
/// <remarks>
/// The kept snapshots and every tick's observations are held in memory until labelled. With a row cadence
/// (<c>rowEvery</c>, a multiple of the pipeline cadence) only snapshots at multiples of it become rows; the others are
/// counted as thinned and not held, while labels still read the observations of every tick.
/// </remarks>
public sealed class TrainingRowBuilder
{
    private readonly OfflineFeatureBuilder _features;
    private readonly LabelBuilder _labels;
    private readonly long _rowEvery;

    /// <param name="features">The feature builder (the graph's code).</param>
    /// <param name="labels">The label builder: profiles and horizons.</param>
    /// <param name="rowEvery">Keep one row per symbol at each multiple of this (UTC ticks since the epoch); null for every tick.</param>
    /// <exception cref="ArgumentException"><paramref name="rowEvery"/> is not a positive multiple of the pipeline cadence.</exception>
    public TrainingRowBuilder(OfflineFeatureBuilder features, LabelBuilder labels, TimeSpan? rowEvery = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        _features = features;
        _labels = labels;
        var cadence = features.Settings.Cadence;
        _rowEvery = rowEvery is { } every
            ? every > TimeSpan.Zero && every.Ticks % cadence.Ticks == 0
                ? every.Ticks
                : throw new ArgumentException($"The row cadence {every} must be a positive multiple of the pipeline cadence {cadence}.", nameof(rowEvery))
            : cadence.Ticks;
        Heads = [.. labels.Profiles.SelectMany(p => labels.Horizons.Select(h => new TrainingHead(p.Name, h)))];
    }

    /// <summary>The heads each row is labelled for, in label order.</summary>
    public IReadOnlyList<TrainingHead> Heads { get; }

    /// <summary>The row cadence.</summary>
    public TimeSpan RowEvery => TimeSpan.FromTicks(_rowEvery);

    /// <summary>The rows of <paramref name="frames"/> (a journal's frames in sequence order).</summary>
    public TrainingSet Build(IEnumerable<RawFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var collector = new Collector(this);
        foreach (var snapshot in _features.Build(frames, collector.Observe)) collector.Add(snapshot);
        return collector.Label();
    }

    /// <summary>The rows of <paramref name="frames"/>, for example a journal reader's source run as an async enumerable.</summary>
    public async Task<TrainingSet> BuildAsync(IAsyncEnumerable<RawFrame> frames, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var collector = new Collector(this);
        await foreach (var snapshot in _features.BuildAsync(frames, collector.Observe, ct)) collector.Add(snapshot);
        return collector.Label();
    }

    /// <summary>One build's snapshots on the row cadence and every tick's observations, per symbol, until labelled.</summary>
    private sealed class Collector(TrainingRowBuilder builder)
    {
        private readonly Dictionary<string, List<FeatureSnapshot>> _snapshots = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<LabelObservation>> _observations = new(StringComparer.Ordinal);
        private long _count;
        private long _thinned;

        public void Observe(string symbol, long time, OrderBook? book)
        {
            if (book is null || builder._labels.Observe(time, book) is not { } observation) return;
            if (!_observations.TryGetValue(symbol, out var list)) _observations.Add(symbol, list = []);
            list.Add(observation);
        }

        public void Add(FeatureSnapshot snapshot)
        {
            _count++;
            if (snapshot.Time % builder._rowEvery != 0) { _thinned++; return; }
            if (!_snapshots.TryGetValue(snapshot.Symbol, out var list)) _snapshots.Add(snapshot.Symbol, list = []);
            list.Add(snapshot);
        }

        public TrainingSet Label()
        {
            long flagged = 0, noObservation = 0, incomplete = 0;
            var rows = new List<TrainingRow>();
            foreach (var (symbol, symbolSnapshots) in _snapshots)
            {
                var symbolObservations = _observations.GetValueOrDefault(symbol) ?? [];
                var series = builder._labels.Build(symbolObservations);
                var indexOf = new Dictionary<long, int>(symbolObservations.Count);
                for (var i = 0; i < symbolObservations.Count; i++) indexOf.Add(symbolObservations[i].Time, i);
                foreach (var snapshot in symbolSnapshots)
                {
                    if (snapshot.Quality != DataQuality.Ok) { flagged++; continue; }
                    if (!indexOf.TryGetValue(snapshot.Time, out var index)) { noObservation++; continue; }
                    var rowLabels = new Label[series.Count];
                    var complete = true;
                    for (var h = 0; h < series.Count && complete; h++)
                    {
                        rowLabels[h] = series[h].Rows[index];
                        complete = rowLabels[h].Complete;
                    }
                    if (!complete) { incomplete++; continue; }
                    rows.Add(new TrainingRow(symbol, snapshot.Time, snapshot.Values, rowLabels));
                }
            }
            rows.Sort(static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.Symbol, b.Symbol));
            return new TrainingSet(builder._features.Spec.Hash, builder.Heads, rows,
                new TrainingRowCounts(_count, _thinned, flagged, noObservation, incomplete, rows.Count));
        }
    }
}
