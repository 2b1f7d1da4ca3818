namespace Screener.Contracts;

/// <summary>A feature's signed contribution to a prediction.</summary>
public sealed record Attribution(string Feature, double Contribution);
