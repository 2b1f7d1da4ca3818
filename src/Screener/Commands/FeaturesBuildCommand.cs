using System.Diagnostics;
using System.Globalization;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Data.Sqlite;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Binance.Normalise;
using Screener.Configuration;
using Screener.Hosting;
using Screener.Offline.BuildFeatures;
using Screener.Storage.Journal;
using Screener.Storage.Sqlite;

namespace Screener.Commands;

/// <summary>
/// <c>screener features build --db PATH --out FILE.parquet [--from-seq N] [--to-seq N] [--shard S]</c>: the raw
/// journal's frames through the graph's own feature code (<see cref="OfflineFeatureBuilder"/>), written as a Parquet
/// file (<see cref="FeatureParquetExport"/>), streaming. Progress goes to stderr every two seconds, the summary to
/// stdout. The file appears only when complete: it is written next to <c>--out</c> as <c>FILE.parquet.partial</c> and
/// renamed at the end, and the partial file is deleted on any failure.
/// <para>Exit codes: 2 for a wrong command line or a journal file that does not exist; 1 for a journal with no raw
/// frames (or none in the range), an output that cannot be written, or a failed build.</para>
/// </summary>
public static class FeaturesBuildCommand
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(CommandLine cl, CancellationToken ct)
    {
        var db = cl.String("db") ?? Defaults.DbPath;
        var output = cl.String("out") ?? throw new UsageException("--out FILE.parquet is required.");
        var range = new FrameRange(cl.Long("from-seq"), cl.Long("to-seq"));
        var shard = cl.String("shard");
        cl.RejectUnknown();
        try
        {
            range.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--from-seq/--to-seq: {e.Message}");
        }
        if (!File.Exists(db)) throw new UsageException($"No journal at '{Path.GetFullPath(db)}'. Record one with 'screener demo', 'screener record' or 'screener sim --generate', or pass --db.");

        output = Path.GetFullPath(output);
        var partial = output + ".partial";
        var file = OpenOutput(output, partial);
        try
        {
            var summary = await BuildAsync(db, shard, range, file, ct);
            await file.DisposeAsync();
            File.Move(partial, output, overwrite: true);
            PrintSummary(output, summary);
            return 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await DiscardAsync(file, partial);
            throw new CommandFailedException($"Stopped before the end of the journal; '{output}' was not written.");
        }
        catch
        {
            await DiscardAsync(file, partial);
            throw;
        }
    }

    private static async Task<Run> BuildAsync(string db, string? shard, FrameRange range, Stream file, CancellationToken ct)
    {
        await using var journal = await JournalInput.OpenAsync(db, shard, ct);
        var source = new FeatureSource(journal.Path, journal.PersistenceId, range);
        var builder = journal.FeatureBuilder();
        var progress = new FeatureBuildProgress();
        var clock = Stopwatch.StartNew();
        using var stopReporting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reporting = ProgressTicker.RunAsync(() => Report(progress, clock), ProgressEvery, stopReporting.Token);
        FeatureParquetSummary summary;
        try
        {
            summary = await FeatureParquetExport.RunAsync(journal.Frames(), file, builder, source, progress, ct: ct);
        }
        finally
        {
            await stopReporting.CancelAsync();
            await reporting;
        }
        Report(progress, clock);

        if (summary.FramesRead == 0) throw new CommandFailedException($"The raw journal {source.PersistenceId} in '{journal.Path}' holds no frames; nothing written.");
        if (summary.FramesBuilt == 0)
            throw new CommandFailedException($"None of the {summary.FramesRead:N0} frames of {source.PersistenceId} has a sequence number in {range}; nothing written.");
        return new Run(source, summary, builder.Spec);
    }

    /// <summary>Opens the partial file first, so an unwritable output fails before any journal is read.</summary>
    private static FileStream OpenOutput(string output, string partial)
    {
        if (Directory.Exists(output)) throw new CommandFailedException($"Cannot write '{output}': it is a directory.");
        try
        {
            var folder = Path.GetDirectoryName(output);
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            return new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"Cannot write '{output}': {e.Message}", e);
        }
    }

    private static async Task DiscardAsync(FileStream file, string partial)
    {
        await file.DisposeAsync();
        try
        {
            File.Delete(partial);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await System.Console.Error.WriteLineAsync($"warning: could not delete '{partial}': {e.Message}");
        }
    }

    private static void Report(FeatureBuildProgress progress, Stopwatch clock)
    {
        var read = progress.FramesRead;
        var rate = read / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
        System.Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"features: {read:N0} frames read, {progress.FramesBuilt:N0} built, {progress.Snapshots:N0} snapshots written, {rate:N0} frames/s, {clock.Elapsed.TotalSeconds:F1} s"));
    }

    private static void PrintSummary(string output, Run run)
    {
        var (source, summary, spec) = run;
        var size = new FileInfo(output).Length;
        var o = System.Console.Out;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {output}: {summary.Rows:N0} rows in {summary.RowGroups} row group(s), {size:N0} bytes"));
        o.WriteLine($"feature spec {spec.Version}, hash {spec.Hash}, {spec.Features.Count} feature columns");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"journal {source.Journal} {source.PersistenceId}: frames {summary.FirstSequence}..{summary.LastSequence}, {summary.FramesBuilt:N0} built of {summary.FramesRead:N0} read, {summary.Runs} node run(s)"));
        if (summary.Runs > 1)
            o.WriteLine("note: the frames span several node runs (sequence numbers start again at each); a range selects from every run.");
        o.WriteLine("snapshots per symbol:");
        var width = summary.SnapshotsPerSymbol.Keys.Select(k => k.Length).DefaultIfEmpty(6).Max();
        foreach (var (symbol, count) in summary.SnapshotsPerSymbol)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {symbol.PadRight(width)}  {count,9:N0}"));
    }

    private sealed record Run(FeatureSource Source, FeatureParquetSummary Summary, FeatureSpec Spec);
}
