using Screener.Analytics.Features;
using Screener.Analytics.Labels;
using Screener.Analytics.Scoring;
using Screener.Binance.Normalise;
using Screener.Contracts;
using Screener.Offline.BuildFeatures;
using Screener.Offline.Tests.Support;
using Screener.Offline.Train;
using Screener.Pipeline;
using Xunit.Abstractions;

namespace Screener.Offline.Tests.Train;

/// <summary>
/// Training rows from a simulator session (100 s, six symbols, one silenced for 8 s so its book resyncs): features
/// joined with labels by symbol and time, exclusions counted, and labels equal to <see cref="LabelBuilder"/>'s own.
/// Horizons of 2 s and 5 s so that a 100 s session has complete and incomplete labels.
/// </summary>
public sealed class TrainingRowBuilderSpec(ITestOutputHelper output)
{
    private static readonly PipelineSettings Settings = PipelineSettings.Default;
    private static readonly TimeSpan[] Horizons = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];
    private static readonly List<RawFrame> Frames = SimSession.Record(new SimSessionOptions());

    [Fact]
    public void TrainingRowBuilder_must_count_every_snapshot_once_and_keep_only_unflagged_rows_with_complete_labels()
    {
        var set = Builder().Build(Frames);
        output.WriteLine(set.Counts.ToString());

        var plain = Features().Build(Frames).ToList();
        Assert.Equal(plain.Count, set.Counts.Snapshots);
        Assert.True(set.Counts.AddsUp);
        Assert.Equal(plain.Count(s => s.Quality != DataQuality.Ok), set.Counts.Flagged);
        Assert.True(set.Counts.Kept > 1_000, set.Counts.ToString());
        // The last 5 s of each of six symbols (~20 ticks each at 250 ms) cannot be labelled for the 5 s horizon.
        Assert.InRange(set.Counts.Incomplete, 6 * 18, 6 * 22);
        Assert.Equal(set.Counts.Kept, set.Rows.Count);
        Assert.Equal(["taker_2s", "taker_5s", "maker_2s", "maker_5s"], set.Heads.Select(h => h.Name));
        Assert.All(set.Rows, r => Assert.Equal(set.Heads.Count, r.Labels.Count));
        Assert.All(set.Rows, r => Assert.All(r.Labels, l => Assert.True(l.Complete)));
        Assert.All(set.Rows, r => Assert.All(r.Labels, l => Assert.Equal(r.Time, l.Time)));
        Assert.True(set.Rows.Zip(set.Rows.Skip(1)).All(p => p.Item1.Time < p.Item2.Time
            || (p.Item1.Time == p.Item2.Time && string.CompareOrdinal(p.Item1.Symbol, p.Item2.Symbol) < 0)));
        // Each row carries the snapshot built for its symbol and tick, and only snapshots flagged Ok are rows.
        var bySymbolTime = plain.ToDictionary(s => (s.Symbol, s.Time));
        Assert.All(set.Rows, r =>
        {
            var snapshot = bySymbolTime[(r.Symbol, r.Time)];
            Assert.Equal(DataQuality.Ok, snapshot.Quality);
            Assert.Equal(snapshot.Values, r.Features);
        });
        Assert.Contains(set.Rows, r => r.Labels.Any(l => l.InPlay));
        Assert.Contains(set.Rows, r => r.Labels.Any(l => !l.InPlay));
    }

    [Fact]
    public void TrainingRowBuilder_must_give_each_row_the_label_LabelBuilder_computes_from_the_symbols_synced_books()
    {
        var set = Builder().Build(Frames);

        // Independently: observe every synced book at every tick and label each symbol's observations directly.
        var labels = Labels();
        var observations = new Dictionary<string, List<LabelObservation>>(StringComparer.Ordinal);
        var snapshots = Features().Build(Frames, (symbol, time, book) =>
        {
            if (book is null) return;
            var o = BookWalk.Observe(time, book, labels.Profiles);
            if (o is null) return;
            if (!observations.TryGetValue(symbol, out var list)) observations[symbol] = list = [];
            list.Add(o);
        }).ToList();
        Assert.Equal(Features().Build(Frames).ToList(), snapshots);

        var expected = new Dictionary<(string, long), Label[]>();
        foreach (var (symbol, list) in observations)
        {
            var series = labels.Build(list);
            for (var i = 0; i < list.Count; i++) expected[(symbol, list[i].Time)] = [.. series.Select(s => s.Rows[i])];
        }
        Assert.All(set.Rows, r => Assert.Equal(expected[(r.Symbol, r.Time)], r.Labels.ToArray()));
        var expectedKept = snapshots.Count(s => s.Quality == DataQuality.Ok
                                                && expected.TryGetValue((s.Symbol, s.Time), out var l) && l.All(x => x.Complete));
        Assert.Equal(expectedKept, set.Rows.Count);
    }

    private static OfflineFeatureBuilder Features() =>
        new(Settings, OfflineFeatureBuilder.OfflineServices(new BinanceFrameDecoder(), new BaselineScorer(Settings.Scoring), MarketFeatures.Spec));

    private static LabelBuilder Labels() => new(Settings.Scoring.Profiles, Horizons);

    private static TrainingRowBuilder Builder() => new(Features(), Labels());
}
