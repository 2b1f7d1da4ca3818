using Screener.Analytics.Labels;
using Screener.Contracts;

namespace Screener.Offline.Train;

/// <summary>
/// One symbol's features at one tick with the labels of that tick: one per <see cref="TrainingHead"/>, in the order of
/// <see cref="TrainingSet.Heads"/>. Every label is complete.
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Time">The tick's time, UTC ticks (the snapshot's and the labels' time).</param>
/// <param name="Features">The snapshot's values, in feature-spec order.</param>
/// <param name="Labels">One per head; computed from observations after <paramref name="Time"/> within each horizon.</param>
public sealed record TrainingRow(string Symbol, long Time, EquatableArray<float> Features, EquatableArray<Label> Labels);
