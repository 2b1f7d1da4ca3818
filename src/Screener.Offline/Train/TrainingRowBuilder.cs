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
/// <remarks>The whole journal's snapshots and observations are held in memory until labelled.</remarks>
public sealed class TrainingRowBuilder(OfflineFeatureBuilder features, LabelBuilder labels)
{
    /// <summary>The heads each row is labelled for, in label order.</summary>
    public IReadOnlyList<TrainingHead> Heads { get; } =
        [.. labels.Profiles.SelectMany(p => labels.Horizons.Select(h => new TrainingHead(p.Name, h)))];

    /// <summary>The rows of <paramref name="frames"/> (a journal's frames in sequence order).</summary>
    public TrainingSet Build(IEnumerable<RawFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var snapshots = new Dictionary<string, List<FeatureSnapshot>>(StringComparer.Ordinal);
        var observations = new Dictionary<string, List<LabelObservation>>(StringComparer.Ordinal);
        void Observe(string symbol, long time, OrderBook? book)
        {
            if (book is null || labels.Observe(time, book) is not { } observation) return;
            if (!observations.TryGetValue(symbol, out var list)) observations.Add(symbol, list = []);
            list.Add(observation);
        }

        long count = 0;
        foreach (var snapshot in features.Build(frames, Observe))
        {
            count++;
            if (!snapshots.TryGetValue(snapshot.Symbol, out var list)) snapshots.Add(snapshot.Symbol, list = []);
            list.Add(snapshot);
        }

        long flagged = 0, noObservation = 0, incomplete = 0;
        var rows = new List<TrainingRow>();
        foreach (var (symbol, symbolSnapshots) in snapshots)
        {
            var symbolObservations = observations.GetValueOrDefault(symbol) ?? [];
            var series = labels.Build(symbolObservations);
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
        return new TrainingSet(features.Spec.Hash, Heads, rows, new TrainingRowCounts(count, flagged, noObservation, incomplete, rows.Count));
    }
}
