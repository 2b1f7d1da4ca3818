using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Screener.Analytics.Features;
using Screener.Analytics.Models;

namespace Screener.Offline.Train;

/// <summary>
/// Fits the regime model: ML.NET k-means (k-means++ initialisation, one thread, seeded) over market-state features of
/// the training rows, standardised with their mean and population standard deviation. The centroids are ordered by
/// their first feature, ascending, and named; rows are assigned by <see cref="RegimeModel"/>, the same code the node runs.
/// </summary>
public static class RegimeTrainer
{
    /// <summary>The market-state features of <see cref="MarketFeatures.Spec"/>: BTC and ETH volatility, where BTC's sits in the last hour, breadth.</summary>
    public static IReadOnlyList<string> DefaultFeatures { get; } = ["btc_vol_bps_5m", "eth_vol_bps_5m", "vol_regime_pct", "breadth_30s"];

    /// <summary>Names for three regimes ordered by the first feature.</summary>
    public static IReadOnlyList<string> ThreeNames { get; } = ["calm", "normal", "stressed"];

    /// <summary>Fits <paramref name="clusters"/> regimes on <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentException">Fewer rows than clusters, fewer than 2 clusters, or a feature the spec lacks.</exception>
    public static RegimeModelSpec Train(
        IReadOnlyList<TrainingRow> rows, FeatureSpec spec, int clusters = 3, int seed = 42, IReadOnlyList<string>? features = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 2);
        features ??= DefaultFeatures;
        if (rows.Count < clusters) throw new ArgumentException($"{rows.Count} rows cannot make {clusters} regimes.", nameof(rows));
        var indices = features.Select(f => spec.TryIndexOf(f, out var i) ? i : throw new ArgumentException($"Feature spec {spec.Hash} has no feature '{f}'.", nameof(features))).ToArray();

        var n = indices.Length;
        var mean = new double[n];
        var scale = new double[n];
        for (var i = 0; i < n; i++)
        {
            var column = indices[i];
            var m = rows.Average(r => (double)r.Features[column]);
            var variance = rows.Average(r => ((double)r.Features[column] - m) * ((double)r.Features[column] - m));
            mean[i] = m;
            scale[i] = variance > 1e-24 ? Math.Sqrt(variance) : 1d;
        }

        var points = rows.Select(r =>
        {
            var v = new float[n];
            for (var i = 0; i < n; i++) v[i] = (float)((r.Features[indices[i]] - mean[i]) / scale[i]);
            return new Point { Features = v };
        }).ToList();
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Point));
        schema[nameof(Point.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, n);
        var model = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            NumberOfClusters = clusters,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 200,
        }).Fit(ml.Data.LoadFromEnumerable(points, schema));

        VBuffer<float>[] centroids = [];
        model.Model.GetClusterCentroids(ref centroids, out var k);
        var ordered = centroids.Take(k)
            .Select(c => c.DenseValues().Select(v => (double)v).ToArray())
            .OrderBy(c => c[0]).ThenBy(c => string.Join(',', c))
            .ToArray();
        var names = k == 3 ? ThreeNames : Enumerable.Range(0, k).Select(i => $"regime_{i}").ToArray();
        return new RegimeModelSpec(RegimeModelSpec.CurrentFormat, spec.Hash, [.. features], mean, scale,
            [.. ordered.Select(c => (IReadOnlyList<double>)c)], [.. names]);
    }

    private sealed class Point
    {
        public float[] Features { get; set; } = [];
    }
}
