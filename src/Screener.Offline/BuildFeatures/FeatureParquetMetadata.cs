using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Screener.Analytics.Features;

namespace Screener.Offline.BuildFeatures;

/// <summary>
/// The key-value metadata in a feature file's footer (pyarrow: <c>pq.read_metadata(path).metadata</c>; polars:
/// <c>pl.read_parquet_metadata(path)</c>). Every key starts with <c>screener.</c>. Nothing in it depends on when or
/// where the file was written beyond the journal path, so the same journal always gives the same bytes.
/// </summary>
public static class FeatureParquetMetadata
{
    /// <summary>The layout of the file (the columns of <see cref="FeatureParquetSchema"/>): bumped when it changes.</summary>
    public const string FormatVersion = "1";

    public const string WriterFormat = "screener.writer.format_version";
    public const string WriterVersion = "screener.writer.version";
    public const string SpecVersion = "screener.feature_spec.version";
    public const string SpecHash = "screener.feature_spec.hash";
    public const string NanPolicy = "screener.feature_spec.nan_policy";

    /// <summary>A JSON array with each feature's <c>name</c>, <c>window</c>, <c>unit</c> and <c>meaning</c>, in column order.</summary>
    public const string SpecFeatures = "screener.feature_spec.features";

    public const string SourceJournal = "screener.source.journal";
    public const string SourcePersistenceId = "screener.source.persistence_id";

    /// <summary>The requested range, <see cref="FrameRange.ToString"/> (<c>..</c> for the whole journal).</summary>
    public const string SourceRequestedRange = "screener.source.requested_range";

    /// <summary>The sequence numbers of the first and last frame built, <c>first..last</c>.</summary>
    public const string SourceFrameRange = "screener.source.frame_range";

    public const string SourceFrames = "screener.source.frames";

    /// <summary>How many node runs the built frames span (a run starts where the sequence numbers start again).</summary>
    public const string SourceRuns = "screener.source.runs";

    public const string PipelineCadenceMs = "screener.pipeline.cadence_ms";
    public const string PipelineWarmUpTicks = "screener.pipeline.warm_up_ticks";

    /// <summary>The version of the assembly that wrote the file (its informational version, with the commit when known).</summary>
    public static string Writer { get; } =
        typeof(FeatureParquetMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(FeatureParquetMetadata).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>What the writer itself records: its format and version, and the feature spec.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> ForSpec(FeatureSpec spec, string hash)
    {
        yield return new(WriterFormat, FormatVersion);
        yield return new(WriterVersion, Writer);
        yield return new(SpecVersion, spec.Version);
        yield return new(SpecHash, hash);
        yield return new(NanPolicy, spec.NanPolicy);
        yield return new(SpecFeatures, JsonSerializer.Serialize(
            spec.Features.Select(f => new Dictionary<string, string> { ["name"] = f.Name, ["window"] = f.Window, ["unit"] = f.Unit, ["meaning"] = f.Meaning })));
    }

    /// <summary>Where the rows come from: the journal, the frames built, and the pipeline settings that shape the snapshots.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> ForSource(FeatureSource source, FrameSelection frames, TimeSpan cadence, int warmUpTicks)
    {
        yield return new(SourceJournal, source.Journal);
        yield return new(SourcePersistenceId, source.PersistenceId);
        yield return new(SourceRequestedRange, source.Range.ToString());
        yield return new(SourceFrameRange, frames.Built == 0 ? "" : $"{Invariant(frames.First)}..{Invariant(frames.Last)}");
        yield return new(SourceFrames, Invariant(frames.Built));
        yield return new(SourceRuns, Invariant(frames.Runs));
        yield return new(PipelineCadenceMs, cadence.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture));
        yield return new(PipelineWarmUpTicks, Invariant(warmUpTicks));
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
