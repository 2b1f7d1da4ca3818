namespace Screener.Offline.BuildFeatures;

/// <summary>The journal a feature file is built from, recorded in the file's metadata.</summary>
/// <param name="Journal">The journal's location, for example the SQLite file's full path.</param>
/// <param name="PersistenceId">The raw journal read, <c>raw-&lt;shard&gt;</c>.</param>
/// <param name="Range">The frames asked for.</param>
public sealed record FeatureSource(string Journal, string PersistenceId, FrameRange Range);
