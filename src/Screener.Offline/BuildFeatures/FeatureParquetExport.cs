using Screener.Contracts;

namespace Screener.Offline.BuildFeatures;

/// <summary>
/// A journal's frames to a feature file, streaming: frames in the range go through an <see cref="OfflineFeatureBuilder"/>
/// (the graph's own decode, clock and per-symbol code) as the journal yields them, and each snapshot goes straight to a
/// <see cref="FeatureParquetWriter"/>, which writes a row group whenever one is full. Neither the journal nor the
/// snapshots are ever held whole. Rows come out in the builder's order (time-major, symbols in ordinal order per tick).
/// </summary>
public static class FeatureParquetExport
{
    /// <summary>
    /// Builds and writes the file on <paramref name="output"/> (writable and seekable, left open). A range with no frames
    /// in it still gives a complete file with no rows; the summary says so (<see cref="FeatureParquetSummary.FramesBuilt"/> 0).
    /// </summary>
    /// <param name="journal">The raw journal's frames in journal order (for example <c>JournalReader.RawFrames(shard)</c> run as an async enumerable).</param>
    /// <param name="source">The journal's name, persistence id and the range to build, recorded in the file.</param>
    /// <param name="progress">Updated as frames and snapshots go by; read it from another thread to report progress.</param>
    public static async Task<FeatureParquetSummary> RunAsync(
        IAsyncEnumerable<RawFrame> journal,
        Stream output,
        OfflineFeatureBuilder builder,
        FeatureSource source,
        FeatureBuildProgress? progress = null,
        int rowGroupRows = FeatureParquetWriter.DefaultRowGroupRows,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        source.Range.Validate();
        progress ??= new FeatureBuildProgress();
        var frames = new FrameSelection(source.Range, progress);
        var perSymbol = new SortedDictionary<string, long>(StringComparer.Ordinal);

        await using var writer = await FeatureParquetWriter.CreateAsync(output, builder.Spec, rowGroupRows, ct);
        await foreach (var snapshot in builder.BuildAsync(frames.Select(journal, ct), ct: ct))
        {
            await writer.AddAsync(snapshot, ct);
            perSymbol[snapshot.Symbol] = perSymbol.GetValueOrDefault(snapshot.Symbol) + 1;
            progress.SnapshotWritten();
        }
        await writer.CompleteAsync(FeatureParquetMetadata.ForSource(source, frames, builder.Settings.Cadence, builder.Settings.WarmUpTicks), ct);

        return new FeatureParquetSummary(frames.Read, frames.Built, frames.First, frames.Last, frames.Runs,
            writer.Rows, writer.RowGroups, perSymbol);
    }
}
