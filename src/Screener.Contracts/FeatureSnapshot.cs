namespace Screener.Contracts;

/// <summary>A symbol's features at one cadence time, in feature-spec order.</summary>
/// <param name="SpecHash">Hash of the feature spec that produced <paramref name="Values"/>; models record it.</param>
public sealed record FeatureSnapshot(string Symbol, long Time, string SpecHash, EquatableArray<float> Values, DataQuality Quality)
    : IScreenerMessage, IWithSymbol;
