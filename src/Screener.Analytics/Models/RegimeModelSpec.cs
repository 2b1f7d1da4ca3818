namespace Screener.Analytics.Models;

/// <summary>
/// The regime model as stored (<c>regime.json</c> next to the manifest): market-state features standardised with the
/// training split's mean and scale, assigned to the nearest of k centroids (squared Euclidean distance in the
/// standardised space). Centroids are ordered by their first feature, so regime 0 is the calmest when that feature is a
/// volatility.
/// </summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>.</param>
/// <param name="FeatureSpecHash">The feature spec the feature names refer to.</param>
/// <param name="Features">Names of the spec's features the model reads, in the order of <see cref="Mean"/>, <see cref="Scale"/> and each centroid.</param>
/// <param name="Mean">Per feature, subtracted before scaling.</param>
/// <param name="Scale">Per feature, positive; the standardised value is <c>(x - mean) / scale</c>.</param>
/// <param name="Centroids">k centroids in the standardised space, each one value per feature.</param>
/// <param name="Names">One name per centroid.</param>
public sealed record RegimeModelSpec(
    string Format,
    string FeatureSpecHash,
    IReadOnlyList<string> Features,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> Scale,
    IReadOnlyList<IReadOnlyList<double>> Centroids,
    IReadOnlyList<string> Names)
{
    public const string CurrentFormat = "screener-regime-kmeans/1";
}
