namespace Screener.Analytics.Features;

/// <summary>One declared feature: its name, window, unit and a one-line meaning.</summary>
public sealed record FeatureDefinition(string Name, string Window, string Unit, string Meaning);
