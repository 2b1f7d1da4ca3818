using Screener.Analytics.Features;

namespace Screener.Analytics.Models;

/// <summary>
/// Assigns a feature snapshot's market state to a regime: the nearest centroid of a <see cref="RegimeModelSpec"/>, with
/// the spec's features resolved to their indices in the running feature spec once. Ties go to the lower regime index.
/// </summary>
public sealed class RegimeModel
{
    private readonly int[] _indices;
    private readonly double[] _mean;
    private readonly double[] _scale;
    private readonly double[][] _centroids;

    private RegimeModel(RegimeModelSpec spec, int[] indices)
    {
        Spec = spec;
        _indices = indices;
        _mean = [.. spec.Mean];
        _scale = [.. spec.Scale];
        _centroids = [.. spec.Centroids.Select(c => c.ToArray())];
    }

    public RegimeModelSpec Spec { get; }

    /// <summary>Regime names, by index.</summary>
    public IReadOnlyList<string> Names => Spec.Names;

    /// <summary>Checks <paramref name="spec"/> and binds it to <paramref name="features"/>.</summary>
    /// <exception cref="FormatException">The spec is malformed, or made for another feature spec, or names a feature the spec lacks.</exception>
    public static RegimeModel Create(RegimeModelSpec spec, FeatureSpec features)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(features);
        if (spec.Format != RegimeModelSpec.CurrentFormat)
            throw new FormatException($"Regime model format '{spec.Format}' is not '{RegimeModelSpec.CurrentFormat}'.");
        if (spec.FeatureSpecHash != features.Hash)
            throw new FormatException($"The regime model was fitted on feature spec {spec.FeatureSpecHash}; the running feature spec is {features.Hash}.");
        var n = spec.Features.Count;
        if (n == 0) throw new FormatException("The regime model reads no features.");
        if (spec.Mean.Count != n || spec.Scale.Count != n)
            throw new FormatException($"The regime model has {n} features but {spec.Mean.Count} means and {spec.Scale.Count} scales.");
        if (spec.Mean.Any(m => !double.IsFinite(m)) || spec.Scale.Any(s => !double.IsFinite(s) || s <= 0))
            throw new FormatException("The regime model's means must be finite and its scales finite and positive.");
        if (spec.Centroids.Count == 0 || spec.Centroids.Count != spec.Names.Count)
            throw new FormatException($"The regime model has {spec.Centroids.Count} centroids and {spec.Names.Count} names; it needs at least one centroid and one name each.");
        if (spec.Centroids.Any(c => c.Count != n || c.Any(v => !double.IsFinite(v))))
            throw new FormatException($"Every centroid must hold {n} finite values.");
        if (spec.Names.Distinct(StringComparer.Ordinal).Count() != spec.Names.Count)
            throw new FormatException("Regime names must be distinct.");

        var indices = new int[n];
        for (var i = 0; i < n; i++)
        {
            indices[i] = features.TryIndexOf(spec.Features[i], out var index) ? index : throw new FormatException($"The regime model reads '{spec.Features[i]}', which feature spec {features.Hash} lacks.");
        }
        return new RegimeModel(spec, indices);
    }

    /// <summary>The regime index of one snapshot's values (feature-spec order).</summary>
    public int Assign(ReadOnlySpan<float> values)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var c = 0; c < _centroids.Length; c++)
        {
            var centroid = _centroids[c];
            var distance = 0d;
            for (var i = 0; i < _indices.Length; i++)
            {
                var d = (values[_indices[i]] - _mean[i]) / _scale[i] - centroid[i];
                distance += d * d;
            }
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }
}
