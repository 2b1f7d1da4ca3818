using Screener.Contracts;

namespace Screener.Analytics.Labels;

/// <summary>One (profile, horizon) of one symbol's labels: a row per observation, in the observations' order.</summary>
public sealed record LabelSeries(string Profile, TimeSpan Horizon, EquatableArray<Label> Rows);
